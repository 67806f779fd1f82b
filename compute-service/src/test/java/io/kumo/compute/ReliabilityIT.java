package io.kumo.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import io.kumo.common.test.IdentityProcess;
import io.kumo.common.test.ServiceProcess;
import io.kumo.common.test.TestInfrastructure;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * What hurt operators most: builds stuck in BUILD. A host that dies mid-build and a broker that drops
 * every connection mid-boot must leave no server stuck and nothing held.
 */
class ReliabilityIT extends ServerCloudIT {

    private static final String SCHEDULER_ANSWERS = "schedulerAnswers-in-0";
    private static final String HOST_OUTCOMES = "hostOutcomes-in-0";

    @Autowired
    private BindingsLifecycleController bindings;
    @Autowired
    private Environment environment;
    /** Processes a test started; killed after it whatever its outcome, so a failure cannot spill into the next. */
    private final List<ServiceProcess> started = new ArrayList<>();

    @AfterEach
    void killStarted() {
        started.forEach(ServiceProcess::kill);
    }

    @Test
    void aBuildOnAHostThatDiesIsTakenFromItBeforeTheDeadlineAndHoldsNothing() {
        String zone = unique("doomed-zone");
        String host = unique("doomed");
        ServiceProcess agent = CloudProcesses.slowAgent(host, zone, "10m");
        started.add(agent);
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

    /**
     * compute-service killed (SIGKILL) while builds are in flight, as one instance of it would be in a small
     * cloud: the hosts' answers wait in its durable queue, the builds stay in BUILD while it is down, and
     * when it is back every build finishes. The in-JVM compute-service stops consuming for the test, so the
     * process below is the deployment's only compute-service.
     */
    @Test
    void buildsInFlightWhenComputeServiceDiesFinishOnceItIsBack() {
        String zone = unique("restart-zone");
        String host = unique("restart");
        ServiceProcess agent = CloudProcesses.slowAgent(host, zone, "4s");
        started.add(agent);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> nova.get("/os-hypervisors", adminToken()).json()
                .get("hypervisors").findValues("hypervisor_hostname").stream().anyMatch(h -> h.asString().equals(host)));
        String demo = demoToken();
        int port = ServiceProcess.freePort();
        ApiClient api = new ApiClient("http://127.0.0.1:" + port + "/v2.1");
        List.of(SCHEDULER_ANSWERS, HOST_OUTCOMES).forEach(bindings::stop);
        ServiceProcess compute = startCompute(port);
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ApiClient.Response created = api.post("/servers", demo, """
                        {"server": {"name": "%s", "flavorRef": "m1.tiny", "imageRef": "%s", "networks": [{"uuid": "%s"}],
                         "availability_zone": "%s"}}""".formatted(unique("phoenix"), imageId, networkId, zone));
                assertThat(created.status()).as(created.text()).isEqualTo(202);
                ids.add(created.json().get("server").get("id").asString());
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> "spawning"
                    .equals(api.get("/servers/" + id, demo).json().get("server").get("OS-EXT-STS:task_state")
                            .asString(null))));

            compute.kill();
            Awaitility.await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(() -> ids.stream()
                    .allMatch(id -> nova.get("/servers/" + id, demo).json().get("server").get("status").asString()
                            .equals("BUILD")));

            compute = startCompute(port);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> ids
                    .stream().allMatch(id -> api.get("/servers/" + id, demo).json().get("server").get("status")
                            .asString().equals("ACTIVE")));
            for (String id : ids) {
                JsonNode create = api.get("/servers/" + id + "/os-instance-actions", adminToken()).json()
                        .get("instanceActions").get(0);
                assertThat(create.get("message").isNull()).as("the create action finished without error").isTrue();
                assertThat(api.delete("/servers/" + id, demo).status()).isEqualTo(204);
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
                    .allMatch(id -> api.get("/servers/" + id, demo).status() == 404));
        } finally {
            compute.close();
            List.of(SCHEDULER_ANSWERS, HOST_OUTCOMES).forEach(bindings::start);
            agent.close();
        }
    }

    /** compute-service as its own process, on this test's database and broker. */
    private ServiceProcess startCompute(int port) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + TestInfrastructure.dbUser(),
                "--spring.datasource.password=" + TestInfrastructure.dbPassword(),
                "--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(),
                "--kumo.identity.url=" + IDENTITY.url(), "--kumo.identity.service-user=kumo-compute",
                "--kumo.identity.service-password=" + IdentityProcess.SERVICE_PASSWORD,
                "--compute.scheduler-url=" + SCHEDULER.url(), "--compute.image-url=http://127.0.0.1:" + IMAGE_PORT,
                "--compute.network-url=http://127.0.0.1:" + NETWORK_PORT, "--compute.build-timeout=60s"));
        COMPUTE_BINDINGS.forEach(binding -> args.addAll(testQueueArgs(binding, "compute")));
        ServiceProcess compute = ServiceProcess.start(System.getProperty("kumo.test.compute.jar"), "384m", port, args);
        compute.destroyOnExit();
        return compute;
    }

    private static void closeAllBrokerConnections() throws IOException, InterruptedException {
        Process close = new ProcessBuilder("rabbitmqctl", "close_all_connections", "ReliabilityIT")
                .redirectErrorStream(true).start();
        assertThat(close.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(close.exitValue()).as(new String(close.getInputStream().readAllBytes())).isZero();
    }
}
