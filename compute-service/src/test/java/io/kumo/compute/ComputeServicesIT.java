package io.kumo.compute;

import static io.kumo.compute.NovaShape.Type.INTEGER;
import static io.kumo.compute.NovaShape.Type.NULL;
import static io.kumo.compute.NovaShape.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.MessageType;
import io.kumo.common.contract.host.HostAnnounced;
import io.kumo.common.contract.host.HostHeartbeat;
import io.kumo.common.contract.host.InventorySpec;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.common.test.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** os-services over the hosts the scheduler learnt from agents' announcements. */
class ComputeServicesIT extends ComputeIT {

    /** Tempest's v2_1 services.list_services item. */
    static final NovaShape SERVICE = NovaShape.of("service").required("id", INTEGER, STRING).required("zone", STRING)
            .required("host", STRING).required("state", STRING).required("binary", STRING).required("status", STRING)
            .required("updated_at", STRING, NULL).required("disabled_reason", STRING, NULL);

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void anAnnouncedHostIsANovaComputeServiceThatAdminsDisableWithAReason() {
        String host = unique("cmp");
        announce(host);
        JsonNode service = awaitService(host);
        SERVICE.check(service);
        assertThat(service.get("binary").asString()).isEqualTo("nova-compute");
        assertThat(service.get("zone").asString()).isEqualTo("az-it");
        assertThat(service.get("status").asString()).isEqualTo("enabled");
        assertThat(service.get("state").asString()).isEqualTo("up");
        assertThat(service.get("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");

        ApiClient.Response disabled = nova.put("/os-services/disable-log-reason", adminToken(),
                "{\"host\": \"" + host + "\", \"binary\": \"nova-compute\", \"disabled_reason\": \"maintenance\"}");
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        assertThat(disabled.json().get("service").get("status").asString()).isEqualTo("disabled");
        JsonNode listed = nova.get("/os-services?host=" + host, adminToken()).json().get("services").get(0);
        assertThat(listed.get("status").asString()).isEqualTo("disabled");
        assertThat(listed.get("disabled_reason").asString()).isEqualTo("maintenance");
        assertThat(listed.get("id").asInt()).isEqualTo(service.get("id").asInt());

        ApiClient.Response enabled = nova.put("/os-services/enable", adminToken(),
                "{\"host\": \"" + host + "\", \"binary\": \"nova-compute\"}");
        assertThat(enabled.json().get("service").get("status").asString()).isEqualTo("enabled");
        assertThat(nova.get("/os-services?host=" + host, adminToken()).json().get("services").get(0)
                .get("disabled_reason").isNull()).isTrue();
        assertThat(nova.get("/os-services?binary=nova-scheduler", adminToken()).json().get("services")).isEmpty();
    }

    @Test
    void membersMayNotSeeOrChangeServicesAndUnknownHostsAre404() {
        assertNovaError(nova.get("/os-services", demoToken()), 403, "forbidden");
        assertNovaError(nova.put("/os-services/disable", demoToken(),
                "{\"host\": \"x\", \"binary\": \"nova-compute\"}"), 403, "forbidden");
        assertNovaError(nova.put("/os-services/disable", adminToken(),
                "{\"host\": \"" + unique("nowhere") + "\", \"binary\": \"nova-compute\"}"), 404, "itemNotFound");
        assertNovaError(nova.put("/os-services/disable", adminToken(), "{\"binary\": \"nova-compute\"}"), 400,
                "badRequest");
        assertNovaError(nova.put("/os-services/disable-log-reason", adminToken(),
                "{\"host\": \"x\", \"binary\": \"nova-compute\"}"), 400, "badRequest");
    }

    private JsonNode awaitService(String host) {
        String admin = adminToken();
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode services = nova.get("/os-services?host=" + host, admin).json().get("services");
            return services.isEmpty() ? null : services.get(0);
        }, s -> s != null);
    }

    private void announce(String host) {
        publish(Exchanges.HOST_EVENTS, HostAnnounced.ROUTING_KEY, new HostAnnounced(host, null, "az-it",
                Map.of("VCPU", InventorySpec.of(8, 0, 16.0), "MEMORY_MB", InventorySpec.of(16384, 512, 1.5),
                        "DISK_GB", InventorySpec.of(100, 0, 1.0)), List.of("COMPUTE_QEMU"), "fake", Instant.now()));
        publish(Exchanges.HOST_EVENTS, HostHeartbeat.ROUTING_KEY, new HostHeartbeat(host, Instant.now()));
    }

    private void publish(String exchange, String routingKey, Object contract) {
        MessageType type = MessageCodec.typeOf(contract.getClass());
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(UUID.randomUUID().toString());
        properties.setContentType("application/json");
        properties.setHeader(MessageCodec.TYPE_HEADER, type.name());
        properties.setHeader(MessageCodec.VERSION_HEADER, type.version());
        rabbit.send(exchange, routingKey,
                new Message(new MessageCodec().toJson(contract).getBytes(StandardCharsets.UTF_8), properties));
    }
}
