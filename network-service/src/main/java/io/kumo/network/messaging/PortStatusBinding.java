package io.kumo.network.messaging;

import io.kumo.common.contract.network.PortStatusReported;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.network.application.PortStatusReports;
import java.util.function.Consumer;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Agents' port status reports from {@code kumo.host.events} (Stream binding {@code portStatus-in-0},
 * group {@code network}, routing key {@code port.status}: a durable quorum queue with a dead-letter
 * queue on RabbitMQ). Acknowledged after the transaction that applied the report commits.
 */
@Configuration(proxyBeanMethods = false)
class PortStatusBinding {

    @Bean
    Consumer<Message<byte[]>> portStatus(PortStatusReports reports, MessageCodec codec) {
        return message -> {
            Object id = message.getHeaders().get(AmqpHeaders.MESSAGE_ID);
            PortStatusReported report = codec.fromJson(message.getPayload(), PortStatusReported.class);
            reports.apply(id == null ? report.portId() + "/" + report.status() + "/" + report.at() : id.toString(),
                    report);
        };
    }
}
