package io.kumo.agent.messaging;

import io.kumo.agent.domain.HostReplies;
import io.kumo.common.messaging.MessageCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Sends a reply straight to the requester's queue (the default exchange, routing key {@code reply_to}),
 * transient and without waiting for a confirm: the requester is waiting for it now or not at all, so a
 * reply that is lost is answered by the requester's timeout, not by a resend.
 */
public class HostReplyPublisher implements HostReplies {

    private static final Logger log = LoggerFactory.getLogger(HostReplyPublisher.class);

    private final RabbitTemplate rabbit;
    private final MessageCodec codec;

    public HostReplyPublisher(RabbitTemplate rabbit, MessageCodec codec) {
        this.rabbit = rabbit;
        this.codec = codec;
    }

    @Override
    public void reply(ReplyAddress to, Object payload) {
        Message reply = codec.toAmqp(payload, MessageDeliveryMode.NON_PERSISTENT);
        reply.getMessageProperties().setCorrelationId(to.correlationId());
        try {
            rabbit.send("", to.replyTo(), reply);
        } catch (AmqpException e) {
            log.warn("Could not reply {} to {}: {}", payload.getClass().getSimpleName(), to.replyTo(), e.toString());
        }
    }
}
