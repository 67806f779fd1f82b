package io.kumo.compute;

import static io.kumo.compute.NovaShape.Type.INTEGER;
import static io.kumo.compute.NovaShape.Type.NULL;
import static io.kumo.compute.NovaShape.Type.OBJECT;
import static io.kumo.compute.NovaShape.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.MessageType;
import io.kumo.common.contract.host.HostAnnounced;
import io.kumo.common.contract.host.HostFacts;
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

/** os-services and os-hypervisors over the hosts the scheduler learnt from agents' announcements. */
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

    /** Tempest's v2_1 hypervisors schemas. */
    static final NovaShape HYPERVISOR = NovaShape.of("hypervisor").required("id", INTEGER)
            .required("hypervisor_hostname", STRING).required("state", STRING).required("status", STRING)
            .required("cpu_info", STRING).required("current_workload", INTEGER)
            .required("disk_available_least", INTEGER, NULL).required("host_ip", STRING)
            .required("free_disk_gb", INTEGER).required("free_ram_mb", INTEGER).required("hypervisor_type", STRING)
            .required("hypervisor_version", INTEGER).required("local_gb", INTEGER).required("local_gb_used", INTEGER)
            .required("memory_mb", INTEGER).required("memory_mb_used", INTEGER).required("running_vms", INTEGER)
            .required("service", OBJECT).required("vcpus", INTEGER).required("vcpus_used", INTEGER);
    static final NovaShape HYPERVISOR_SUMMARY = NovaShape.of("hypervisor summary").required("id", INTEGER)
            .required("hypervisor_hostname", STRING).required("state", STRING).required("status", STRING);

    @Test
    void hypervisorsShowEachHostsCapacityAndUseFromPlacement() {
        String host = unique("hv");
        announce(host);
        int id = awaitService(host).get("id").asInt();
        JsonNode provider = placement.get("/resource_providers?name=" + host, adminToken()).json()
                .get("resource_providers").get(0);
        ApiClient.Response claimed = placement.send("PUT", "/allocations/" + UUID.randomUUID(), adminToken(),
                "application/json", ("{\"allocations\": {\"" + provider.get("uuid").asString() + "\": {\"resources\":"
                        + " {\"VCPU\": 3, \"MEMORY_MB\": 2048, \"DISK_GB\": 20}}}, \"project_id\": \"p\","
                        + " \"user_id\": \"u\", \"consumer_generation\": null}").getBytes(StandardCharsets.UTF_8),
                new String[] {"OpenStack-API-Version", "placement 1.28"});
        assertThat(claimed.status()).as(claimed.text()).isEqualTo(204);

        JsonNode shown = nova.get("/os-hypervisors/" + id, adminToken()).json().get("hypervisor");
        HYPERVISOR.check(shown);
        assertThat(shown.get("hypervisor_hostname").asString()).isEqualTo(host);
        assertThat(shown.get("host_ip").asString()).isEqualTo("192.0.2.10");
        assertThat(shown.get("hypervisor_type").asString()).isEqualTo("QEMU");
        assertThat(shown.get("vcpus").asInt()).isEqualTo(8);
        assertThat(shown.get("vcpus_used").asInt()).isEqualTo(3);
        assertThat(shown.get("memory_mb").asInt()).isEqualTo(16384);
        assertThat(shown.get("memory_mb_used").asInt()).isEqualTo(2048 + 512);
        assertThat(shown.get("free_ram_mb").asInt()).isEqualTo(16384 - 2048 - 512);
        assertThat(shown.get("local_gb_used").asInt()).isEqualTo(20);
        assertThat(shown.get("running_vms").asInt()).isEqualTo(1);
        assertThat(shown.get("service").get("id").asInt()).isEqualTo(id);

        nova.get("/os-hypervisors", adminToken()).json().get("hypervisors").forEach(HYPERVISOR_SUMMARY::check);
        nova.get("/os-hypervisors/detail", adminToken()).json().get("hypervisors").forEach(HYPERVISOR::check);
        JsonNode found = nova.get("/os-hypervisors/" + host + "/search", adminToken()).json().get("hypervisors");
        assertThat(found.get(0).get("id").asInt()).isEqualTo(id);
        JsonNode stats = nova.get("/os-hypervisors/statistics", adminToken()).json().get("hypervisor_statistics");
        assertThat(stats.get("count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("vcpus_used").asInt()).isGreaterThanOrEqualTo(3);

        assertNovaError(nova.get("/os-hypervisors/999999", adminToken()), 404, "itemNotFound");
        assertNovaError(nova.get("/os-hypervisors/" + unique("none") + "/search", adminToken()), 404, "itemNotFound");
        assertNovaError(nova.get("/os-hypervisors", demoToken()), 403, "forbidden");
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
                        "DISK_GB", InventorySpec.of(100, 0, 1.0)), List.of("COMPUTE_QEMU"), "fake", Instant.now(),
                new HostFacts("192.0.2.10", "QEMU", 9000000, "{\"arch\": \"x86_64\"}")));
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
