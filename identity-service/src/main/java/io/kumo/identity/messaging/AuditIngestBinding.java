package io.kumo.identity.messaging;

import io.kumo.common.contract.audit.AuditRecorded;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.identity.application.AuditLedger;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Other services' audit records, from {@code kumo.audit} (Spring Cloud Stream binding
 * {@code auditIngest-in-0}, consumer group {@code identity}: a durable quorum queue with a dead-letter
 * queue on RabbitMQ) into identity's ledger. identity's own records come by too and are skipped; a
 * redelivered record is stored once.
 */
@Configuration(proxyBeanMethods = false)
class AuditIngestBinding {

    static final String SERVICE = "identity";

    @Bean
    Consumer<Message<byte[]>> auditIngest(AuditLedger ledger, MessageCodec codec) {
        return message -> {
            AuditRecorded record = codec.fromJson(message.getPayload(), AuditRecorded.class);
            if (!SERVICE.equals(record.service())) {
                ledger.ingest(record);
            }
        };
    }
}
