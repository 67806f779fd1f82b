package io.kumo.common.messaging;

import io.kumo.common.contract.MessageType;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Contract records to and from their JSON wire form; the type and version travel as headers. */
public class MessageCodec {

    public static final String TYPE_HEADER = "kumo_type";
    public static final String VERSION_HEADER = "kumo_version";

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String toJson(Object contract) {
        return json.writeValueAsString(contract);
    }

    public <T> T fromJson(byte[] body, Class<T> type) {
        return json.readValue(new String(body, StandardCharsets.UTF_8), type);
    }

    public static MessageType typeOf(Class<?> contract) {
        MessageType type = contract.getAnnotation(MessageType.class);
        if (type == null) {
            throw new IllegalArgumentException(contract.getName() + " is not a contract: it lacks @MessageType");
        }
        return type;
    }
}
