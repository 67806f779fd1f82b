package io.kumo.common.messaging;

import java.util.UUID;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.messaging.Message;

/** What a consumer reads off a delivered Kumo message's headers. */
public final class InboundMessages {

    private InboundMessages() {
    }

    /** The contract's name ({@code kumo_type}), or null for a message without one. */
    public static String type(Message<?> message) {
        Object type = message.getHeaders().get(MessageCodec.TYPE_HEADER);
        return type == null ? null : type.toString();
    }

    /**
     * The message's id, which the inbox keys on; a message published without one (not by a Kumo outbox) gets a
     * fresh id, so it is applied once and never mistaken for another.
     */
    public static String id(Message<?> message) {
        Object id = message.getHeaders().get(AmqpHeaders.MESSAGE_ID);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }
}
