package io.kumo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.contract.Exchanges;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Who created what: every mutating call and every authentication is in the ledger and on kumo.audit. */
class AuditIT extends IdentityIT {

    @Autowired
    AmqpAdmin amqp;
    @Autowired
    RabbitTemplate rabbit;

    @Test
    void aCreatedProjectIsRecordedWithActorTargetAndRequestIdAndPublished() {
        Queue tap = new Queue("kumo.audit.test." + UUID.randomUUID(), false, true, false);
        amqp.declareQueue(tap);
        amqp.declareBinding(BindingBuilder.bind(tap).to(new TopicExchange(Exchanges.AUDIT)).with("audit.identity"));

        String admin = adminToken();
        String adminId = api.send("GET", "/v3/auth/tokens", admin, null, admin).str("/token/user/id");
        KeystoneClient.Response created = api.post("/v3/projects", admin,
                "{\"project\":{\"name\":\"" + unique("audited") + "\"}}");
        String projectId = created.str("/project/id");

        KeystoneClient.Response ledger = awaitEvents("/v3/audit-events?target_id=" + projectId, admin);
        assertThat(ledger.status()).isEqualTo(200);
        JsonNode event = ledger.at("/audit_events/0");
        assertThat(event.get("action").asString()).isEqualTo("POST /v3/projects");
        assertThat(event.get("outcome").asString()).isEqualTo("success");
        assertThat(event.get("status").asInt()).isEqualTo(201);
        assertThat(event.get("actor_user_id").asString()).isEqualTo(adminId);
        assertThat(event.get("credential").asString()).isEqualTo("password");
        assertThat(event.get("target_type").asString()).isEqualTo("project");
        assertThat(event.get("request_id").asString()).isEqualTo(created.header("X-OpenStack-Request-Id"));

        boolean published = false;
        for (int i = 0; i < 50 && !published; i++) {
            Message message = rabbit.receive(tap.getName(), 200);
            published = message != null && new String(message.getBody(), StandardCharsets.UTF_8).contains(projectId)
                    && "AuditRecorded".equals(message.getMessageProperties().getHeader("kumo_type"));
        }
        amqp.deleteQueue(tap.getName());
        assertThat(published).as("the record went out on kumo.audit").isTrue();
    }

    @Test
    void failedAuthenticationsAndRefusedCallsAreRecordedToo() {
        String user = unique("eve");
        api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth(user, "guess-1234", null));
        String admin = adminToken();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            boolean found = false;
            for (JsonNode e : api.get("/v3/audit-events?action=authenticate&outcome=failure", admin).at("/audit_events")) {
                found |= e.get("detail").asString("").contains(user);
            }
            assertThat(found).isTrue();
        });

        String demo = api.token("demo", DEMO_PASSWORD, "demo");
        api.post("/v3/projects", demo, "{\"project\":{\"name\":\"" + unique("nope") + "\"}}");
        KeystoneClient.Response refused = awaitEvents("/v3/audit-events?action=POST%20/v3/projects&outcome=failure", admin);
        assertThat(refused.at("/audit_events/0/status").asInt()).isEqualTo(403);
    }

    private static KeystoneClient.Response awaitEvents(String path, String token) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> api.get(path, token),
                r -> r.status() == 200 && !r.at("/audit_events").isEmpty());
    }

    @Test
    void theLedgerIsPagedNewestFirstAndAdminOnly() {
        String admin = adminToken();
        for (int i = 0; i < 3; i++) {
            api.post("/v3/projects", admin, "{\"project\":{\"name\":\"" + unique("page") + "\"}}");
        }
        await().atMost(Duration.ofSeconds(5)).until(() ->
                api.get("/v3/audit-events?action=POST%20/v3/projects&limit=3", admin).at("/audit_events").size() == 3);
        KeystoneClient.Response first = api.get("/v3/audit-events?action=POST%20/v3/projects&limit=2", admin);
        assertThat(first.at("/audit_events")).hasSize(2);
        String next = first.str("/links/next");
        assertThat(next).contains("marker=" + first.str("/audit_events/1/id")).contains("limit=2");
        KeystoneClient.Response second = api.get(next.substring(api.base().length()), admin);
        assertThat(second.str("/audit_events/0/occurred_at"))
                .isLessThanOrEqualTo(first.str("/audit_events/1/occurred_at"));
        assertThat(second.str("/audit_events/0/id")).isNotEqualTo(first.str("/audit_events/1/id"));

        assertThat(api.get("/v3/audit-events", api.token("demo", DEMO_PASSWORD, "demo")).status()).isEqualTo(403);
    }
}
