package io.kumo.scheduler.messaging;

import io.kumo.common.contract.scheduler.ScheduleServer;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.scheduler.application.ServerScheduling;
import java.util.function.Consumer;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * ScheduleServer requests from {@code kumo.scheduler.requests} (binding {@code scheduleServer-in-0}, group
 * {@code scheduler}: several scheduler instances share the queue). Acknowledged after the transaction
 * holding the claim and the answer commits; a redelivery is recognised by its message id.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleBinding {

    @Bean
    Consumer<Message<byte[]>> scheduleServer(ServerScheduling scheduling, MessageCodec codec) {
        return message -> {
            ScheduleServer request = codec.fromJson(message.getPayload(), ScheduleServer.class);
            Object id = message.getHeaders().get(AmqpHeaders.MESSAGE_ID);
            scheduling.schedule(id == null ? "schedule/" + request.instanceUuid() + "/" + request.attempt()
                    : id.toString(), request);
        };
    }
}
