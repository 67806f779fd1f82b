package io.kumo.common.messaging;

import io.kumo.common.contract.MessageType;
import java.nio.charset.StandardCharsets;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
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

    /**
     * The AMQP message of a contract: its JSON, the JSON content type, the type and version headers and the
     * delivery mode. Callers add what their exchange needs (message id, correlation id, expiration).
     */
    public Message toAmqp(Object contract, MessageDeliveryMode deliveryMode) {
        MessageType type = typeOf(contract.getClass());
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(deliveryMode);
        properties.setHeader(TYPE_HEADER, type.name());
        properties.setHeader(VERSION_HEADER, type.version());
        return new Message(toJson(contract).getBytes(StandardCharsets.UTF_8), properties);
    }

    public static MessageType typeOf(Class<?> contract) {
        MessageType type = contract.getAnnotation(MessageType.class);
        if (type == null) {
            throw new IllegalArgumentException(contract.getName() + " is not a contract: it lacks @MessageType");
        }
        return type;
    }
}
