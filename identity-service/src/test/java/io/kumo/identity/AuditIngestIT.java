package io.kumo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.audit.AuditRecorded;
import io.kumo.common.messaging.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/** Audit records another service publishes on kumo.audit land in identity's ledger, once. */
class AuditIngestIT extends IdentityIT {

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void anotherServicesRecordIsStoredOnceEvenWhenDeliveredTwice() {
        String target = UUID.randomUUID().toString();
        AuditRecorded record = new AuditRecorded(UUID.randomUUID().toString(), Instant.now(), "compute",
                "POST /v2.1/servers", AuditRecorded.SUCCESS, 202, "some-user", "some-project", "password", "server",
                target, "req-" + UUID.randomUUID(), "127.0.0.1", null);
        byte[] body = new MessageCodec().toJson(record).getBytes(StandardCharsets.UTF_8);
        MessageProperties properties = new MessageProperties();
        properties.setHeader(MessageCodec.TYPE_HEADER, "AuditRecorded");
        rabbit.send(Exchanges.AUDIT, "audit.compute", new Message(body, properties));
        rabbit.send(Exchanges.AUDIT, "audit.compute", new Message(body, properties));

        String admin = adminToken();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            KeystoneClient.Response ledger = api.get("/v3/audit-events?service=compute&target_id=" + target, admin);
            assertThat(ledger.at("/audit_events")).hasSize(1);
            assertThat(ledger.str("/audit_events/0/action")).isEqualTo("POST /v2.1/servers");
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(api.get("/v3/audit-events?service=compute&target_id=" + target, admin)
                        .at("/audit_events")).hasSize(1));
    }
}
