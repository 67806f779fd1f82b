package io.kumo.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import io.kumo.common.test.ServiceProcess;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What hurt operators most: builds stuck in BUILD. A host that dies mid-build and a broker that drops
 * every connection mid-boot must leave no server stuck and nothing held.
 */
class ReliabilityIT extends ServerCloudIT {

    @Test
    void aBuildOnAHostThatDiesIsTakenFromItBeforeTheDeadlineAndHoldsNothing() {
        String zone = unique("doomed-zone");
        String host = unique("doomed");
        ServiceProcess agent = CloudProcesses.slowAgent(host, zone, "10m");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> nova.get("/os-hypervisors", adminToken()).json()
                .get("hypervisors").findValues("hypervisor_hostname").stream().anyMatch(h -> h.asString().equals(host)));
        String demo = demoToken();
        ApiClient.Response created = boot(demo, unique("doomed-vm"), networkId,
                ", \"availability_zone\": \"" + zone + "\"");
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        String id = created.json().get("server").get("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "spawning".equals(nova.get("/servers/" + id, demo)
                .json().get("server").get("OS-EXT-STS:task_state").asString(null)));

        agent.kill();
        Instant killed = Instant.now();
        JsonNode failed = Awaitility.await().atMost(Duration.ofSeconds(50)).pollInterval(Duration.ofMillis(500))
                .until(() -> nova.get("/servers/" + id, demo).json().get("server"),
                        s -> !s.get("status").asString().equals("BUILD"));
        assertThat(failed.get("status").asString()).as("the zone has no other host").isEqualTo("ERROR");
        assertThat(Duration.between(killed, Instant.now())).as("well before the 60 s build deadline")
                .isLessThan(Duration.ofSeconds(50));
        assertThat(failed.get("fault").get("message").asString()).doesNotContain("timed out");
        JsonNode create = nova.get("/servers/" + id + "/os-instance-actions/" + created.header("X-OpenStack-Request-Id"),
                adminToken()).json().get("instanceAction");
        assertThat(create.get("events").findValues("traceback")).extracting(JsonNode::asString)
                .anySatisfy(t -> assertThat(t).contains(host + " went down"));
        assertThat(placement.get("/allocations/" + id, adminToken()).json().get("allocations").size()).isZero();
        assertThat(neutron.get("/v2.0/ports?device_id=" + id, adminToken()).json().get("ports")).isEmpty();
        assertThat(nova.delete("/servers/" + id, demo).status()).isEqualTo(204);
    }

    @Test
    void fiftyBootsSurviveTheBrokerClosingEveryConnection() throws Exception {
        String member = IDENTITY.newProjectMember(unique("broker"));
        String project = IDENTITY.projectId(member);
        IDENTITY.setLimit(project, "compute", "servers", 60);
        IDENTITY.setLimit(project, "compute", "class:VCPU", 60);
        IDENTITY.setLimit(project, "compute", "class:MEMORY_MB", 60 * 512);
        String network = networkOf(member, "10.47.0");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ApiClient.Response created = boot(member, unique("storm-" + i), network,
                    ", \"availability_zone\": \"" + CloudProcesses.ZONE + "\"");
            assertThat(created.status()).as(created.text()).isEqualTo(202);
            ids.add(created.json().get("server").get("id").asString());
            if (i == 20) {
                closeAllBrokerConnections();
            }
        }
        closeAllBrokerConnections();

        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> nova
                .get("/servers/detail", member).json().get("servers").findValues("status").stream()
                .noneMatch(s -> s.asString().equals("BUILD")));
        JsonNode servers = nova.get("/servers/detail", member).json().get("servers");
        assertThat(servers).as("none lost").hasSize(50);
        assertThat(servers.findValues("status")).extracting(JsonNode::asString).as("every one built").containsOnly(
                "ACTIVE");
        ids.forEach(id -> assertThat(nova.delete("/servers/" + id, member).status()).isEqualTo(204));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> nova.get("/servers", member).json()
                .get("servers").isEmpty());
    }

    private static void closeAllBrokerConnections() throws IOException, InterruptedException {
        Process close = new ProcessBuilder("rabbitmqctl", "close_all_connections", "ReliabilityIT")
                .redirectErrorStream(true).start();
        assertThat(close.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(close.exitValue()).as(new String(close.getInputStream().readAllBytes())).isZero();
    }
}
