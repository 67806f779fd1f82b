package io.kumo.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.scheduler.NoValidHost;
import io.kumo.common.contract.scheduler.ScheduleServer;
import io.kumo.common.contract.scheduler.ServerGroupSpec;
import io.kumo.common.contract.scheduler.ServerScheduled;
import io.kumo.common.test.ApiClient;
import io.kumo.common.test.ServiceProcess;
import io.kumo.common.test.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Host selection end to end: hosts announced over the bus, ScheduleServer requests in, ServerScheduled or
 * NoValidHost out of the outbox, claims checked in placement.
 */
class SchedulingIT extends SchedulerIT {

    private static final Map<String, Integer> ONE_VCPU = Map.of("VCPU", 1, "MEMORY_MB", 128);

    private final Map<String, Object> answers = new ConcurrentHashMap<>();
    private RabbitAdmin admin;
    private Queue answerQueue;

    @BeforeEach
    void listenForAnswers() {
        admin = new RabbitAdmin(connections);
        answerQueue = new Queue("scheduling-it-" + UUID.randomUUID(), false, true, true);
        admin.declareQueue(answerQueue);
        admin.declareBinding(BindingBuilder.bind(answerQueue).to(new TopicExchange(Exchanges.COMPUTE_EVENTS))
                .with("server.#"));
    }

    @AfterEach
    void stopListening() {
        admin.deleteQueue(answerQueue.getName());
    }

    @Test
    void twoHundredConcurrentRequestsForAHundredSlotsPlaceExactlyAHundred() throws Exception {
        placesExactlyTheCapacity(unique("cap-one"));
    }

    @Test
    void twoSchedulerInstancesNeverDoubleBook() throws Exception {
        int port = ServiceProcess.freePort();
        try (ServiceProcess second = ServiceProcess.start(System.getProperty("kumo.test.scheduler.jar"), "256m", port,
                List.of("--spring.datasource.url=" + DATABASE, "--spring.datasource.username=" + TestInfrastructure.dbUser(),
                        "--spring.datasource.password=" + TestInfrastructure.dbPassword(),
                        "--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(),
                        "--kumo.identity.url=" + IDENTITY.url(), "--scheduler.host-down-after=10m"))) {
            List<String> servers = placesExactlyTheCapacity(unique("cap-two"));
            String token = adminToken();
            long instances = servers.stream().map(s -> placement.get("/scheduling-decisions/" + s, token).json()
                    .get("scheduling_decisions").get(0).get("decided_by").asString()).distinct().count();
            assertThat(instances).as("both scheduler instances decided").isEqualTo(2);
        }
    }

    /** 10 hosts × 10 vCPUs in a zone of their own; 200 one-vCPU servers at once. */
    private List<String> placesExactlyTheCapacity(String zone) throws Exception {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String host = zone + "-h" + i;
            announce(host, zone, 10, 1_000_000, List.of("COMPUTE_QEMU"));
            hosts.add(host);
        }
        List<String> servers = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 200; i++) {
            String server = UUID.randomUUID().toString();
            servers.add(server);
            senders.submit(() -> publish(Exchanges.SCHEDULER_REQUESTS, ScheduleServer.ROUTING_KEY,
                    request(server, zone, ONE_VCPU, null, null)));
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        awaitAnswers(servers, Duration.ofSeconds(90));

        long scheduled = servers.stream().filter(s -> answers.get(s) instanceof ServerScheduled).count();
        long refused = servers.stream().filter(s -> answers.get(s) instanceof NoValidHost).count();
        assertThat(scheduled).isEqualTo(100);
        assertThat(refused).isEqualTo(100);
        Map<String, Integer> perHost = new HashMap<>();
        servers.stream().map(answers::get).filter(a -> a instanceof ServerScheduled)
                .forEach(a -> perHost.merge(((ServerScheduled) a).host(), 1, Integer::sum));
        assertThat(perHost.keySet()).containsExactlyInAnyOrderElementsOf(hosts);
        String token = adminToken();
        int totalUsed = 0;
        for (String host : hosts) {
            JsonNode shown = placement.get("/hosts/" + host, token).json().get("host");
            int used = shown.get("usages").get("VCPU").asInt();
            assertThat(used).as("VCPUs used on " + host).isLessThanOrEqualTo(10);
            assertThat(used).isEqualTo(perHost.get(host));
            totalUsed += used;
        }
        assertThat(totalUsed).isEqualTo(100);
        return servers;
    }

    @Test
    void aContainerNeverLandsOnAVmOnlyHostNorAVmOnAContainerHost() {
        String zone = unique("kinds");
        announce(zone + "-vm", zone, 64, 65536, List.of("COMPUTE_QEMU"));
        announce(zone + "-ct", zone, 64, 65536, List.of("COMPUTE_CONTAINER"));
        for (int i = 0; i < 6; i++) {
            boolean container = i % 2 == 0;
            String server = UUID.randomUUID().toString();
            publish(Exchanges.SCHEDULER_REQUESTS, ScheduleServer.ROUTING_KEY, new ScheduleServer(server, "p", "u",
                    ONE_VCPU, container ? List.of("COMPUTE_CONTAINER") : List.of(), List.of(), List.of(), zone,
                    container ? "container" : "qemu", Map.of(), null, List.of(), List.of(), List.of(), 1, "req-" + i));
            awaitAnswers(List.of(server), Duration.ofSeconds(20));
            assertThat(((ServerScheduled) answers.get(server)).host()).isEqualTo(zone + (container ? "-ct" : "-vm"));
        }
    }

    @Test
    void antiAffinityUsesDistinctHostsEvenWhenMembersArriveTogether() {
        String zone = unique("anti");
        for (int i = 0; i < 3; i++) {
            announce(zone + "-h" + i, zone, 8, 8192, List.of("COMPUTE_QEMU"));
        }
        String group = UUID.randomUUID().toString();
        List<String> members = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        ServerGroupSpec spec = new ServerGroupSpec(group, ServerGroupSpec.ANTI_AFFINITY, members);
        members.forEach(m -> publish(Exchanges.SCHEDULER_REQUESTS, ScheduleServer.ROUTING_KEY,
                request(m, zone, ONE_VCPU, spec, null)));
        awaitAnswers(members, Duration.ofSeconds(30));

        List<String> hosts = members.stream().map(answers::get).filter(a -> a instanceof ServerScheduled)
                .map(a -> ((ServerScheduled) a).host()).toList();
        assertThat(hosts).hasSize(3).doesNotHaveDuplicates();
        NoValidHost refused = (NoValidHost) members.stream().map(answers::get).filter(a -> a instanceof NoValidHost)
                .findFirst().orElseThrow();
        // refused by the filter (the others were placed already) or by the re-check under the group's lock
        assertThat(refused.reason()).startsWith("No valid host")
                .containsAnyOf("ServerGroupAntiAffinityFilter rejected", "anti-affinity group");
    }

    @Test
    void affinityKeepsTheGroupTogether() {
        String zone = unique("aff");
        for (int i = 0; i < 3; i++) {
            announce(zone + "-h" + i, zone, 8, 8192, List.of("COMPUTE_QEMU"));
        }
        String group = UUID.randomUUID().toString();
        List<String> members = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        ServerGroupSpec spec = new ServerGroupSpec(group, ServerGroupSpec.AFFINITY, members);
        members.forEach(m -> publish(Exchanges.SCHEDULER_REQUESTS, ScheduleServer.ROUTING_KEY,
                request(m, zone, ONE_VCPU, spec, null)));
        awaitAnswers(members, Duration.ofSeconds(30));
        assertThat(members.stream().map(m -> ((ServerScheduled) answers.get(m)).host()).distinct()).hasSize(1);
    }

    @Test
    void hintsZonesAndDisabledHostsWithAnExplainedDecision() {
        String zone = unique("hints");
        announce(zone + "-a", zone, 8, 8192, List.of("COMPUTE_QEMU"));
        announce(zone + "-b", zone, 8, 8192, List.of("COMPUTE_QEMU"));
        announce(zone + "-c", zone, 8, 8192, List.of("COMPUTE_QEMU"));
        String token = adminToken();
        ApiClient.Response disabled = placement.put("/hosts/" + zone + "-c", token,
                "{\"host\": {\"disabled\": true, \"disabled_reason\": \"maintenance\"}}");
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        assertThat(disabled.json().get("host").get("status").asString()).isEqualTo("disabled");

        String first = UUID.randomUUID().toString();
        publish(Exchanges.SCHEDULER_REQUESTS, ScheduleServer.ROUTING_KEY, request(first, zone, ONE_VCPU, null, null));
        awaitAnswers(List.of(first), Duration.ofSeconds(20));
        String firstHost = ((ServerScheduled) answers.get(first)).host();
        assertThat(firstHost).isNotEqualTo(zone + "-c");

        String near = UUID.randomUUID().toString();
        publish(Exchanges.SCHEDULER_REQUESTS, ScheduleServer.ROUTING_KEY, new ScheduleServer(near, "p", "u", ONE_VCPU,
                List.of(), List.of(), List.of(), zone, null, Map.of(), null, List.of(first), List.of(), List.of(), 1, "r"));
        String far = UUID.randomUUID().toString();
        publish(Exchanges.SCHEDULER_REQUESTS, ScheduleServer.ROUTING_KEY, new ScheduleServer(far, "p", "u", ONE_VCPU,
                List.of(), List.of(), List.of(), zone, null, Map.of(), null, List.of(), List.of(first), List.of(), 1, "r"));
        String elsewhere = UUID.randomUUID().toString();
        publish(Exchanges.SCHEDULER_REQUESTS, ScheduleServer.ROUTING_KEY, request(elsewhere, unique("nozone"), ONE_VCPU,
                null, null));
        awaitAnswers(List.of(near, far, elsewhere), Duration.ofSeconds(20));
        assertThat(((ServerScheduled) answers.get(near)).host()).isEqualTo(firstHost);
        String farHost = ((ServerScheduled) answers.get(far)).host();
        assertThat(farHost).isNotIn(firstHost, zone + "-c");
        assertThat(answers.get(elsewhere)).isInstanceOf(NoValidHost.class);

        JsonNode decision = placement.get("/scheduling-decisions/" + first, token).json().get("scheduling_decisions")
                .get(0);
        assertThat(decision.get("outcome").asString()).isEqualTo("scheduled");
        assertThat(decision.get("host").asString()).isEqualTo(firstHost);
        assertThat(decision.get("claims").get(0).get("result").asString()).isEqualTo("claimed");
        JsonNode computeFilter = decision.get("trace").get("filters").get(0);
        assertThat(computeFilter.get("filter").asString()).isEqualTo("ComputeFilter");
        assertThat(computeFilter.get("hosts").toString()).contains(zone + "-c", "disabled: maintenance");
        assertThat(decision.get("trace").get("weighed").get(0).get("weights").has("RAMWeigher")).isTrue();
        assertThat(placement.get("/scheduling-decisions/" + UUID.randomUUID(), token).status()).isEqualTo(404);
        assertThat(placement.get("/scheduling-decisions/" + first, IDENTITY.demoToken()).status()).isEqualTo(403);
    }

    @Test
    void heartbeatsKeepAHostAliveAndAForcedDownHostGetsNoWork() throws Exception {
        String zone = unique("alive");
        announce(zone + "-a", zone, 8, 8192, List.of("COMPUTE_QEMU"));
        announce(zone + "-b", zone, 8, 8192, List.of("COMPUTE_QEMU"));
        String token = adminToken();
        String before = placement.get("/hosts/" + zone + "-a", token).json().get("host").get("last_heartbeat").asString();
        Thread.sleep(20);
        publish(Exchanges.HOST_EVENTS, io.kumo.common.contract.host.HostHeartbeat.ROUTING_KEY,
                new io.kumo.common.contract.host.HostHeartbeat(zone + "-a", java.time.Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !placement.get("/hosts/" + zone + "-a", token)
                .json().get("host").get("last_heartbeat").asString().equals(before));
        assertThat(placement.get("/hosts/" + zone + "-a", token).json().get("host").get("state").asString())
                .isEqualTo("up");

        ApiClient.Response down = placement.put("/hosts/" + zone + "-b", token, "{\"host\": {\"forced_down\": true}}");
        assertThat(down.json().get("host").get("state").asString()).isEqualTo("down");
        Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true); // the next cache refresh
        List<String> servers = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        servers.forEach(s -> publish(Exchanges.SCHEDULER_REQUESTS, ScheduleServer.ROUTING_KEY,
                request(s, zone, ONE_VCPU, null, null)));
        awaitAnswers(servers, Duration.ofSeconds(20));
        assertThat(servers.stream().map(s -> ((ServerScheduled) answers.get(s)).host()).distinct())
                .containsExactly(zone + "-a");
        assertPlacementError(placement.put("/hosts/" + zone + "-b", token, "{\"host\": {\"forced_down\": \"yes\"}}"),
                400, null);
        assertPlacementError(placement.get("/hosts/" + unique("nohost"), token), 404, null);
    }

    private static ScheduleServer request(String server, String zone, Map<String, Integer> resources,
            ServerGroupSpec group, String hypervisorType) {
        return new ScheduleServer(server, "p", "u", resources, List.of(), List.of(), List.of(), zone, hypervisorType,
                Map.of(), group, List.of(), List.of(), List.of(), 1, "req-" + server);
    }

    private void awaitAnswers(List<String> servers, Duration timeout) {
        RabbitTemplate rabbit = new RabbitTemplate(connections);
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(10)).until(() -> {
            Message message;
            while ((message = rabbit.receive(answerQueue.getName())) != null) {
                String type = (String) message.getMessageProperties().getHeaders().get("kumo_type");
                if ("ServerScheduled".equals(type)) {
                    ServerScheduled s = CODEC.fromJson(message.getBody(), ServerScheduled.class);
                    answers.put(s.instanceUuid(), s);
                } else if ("NoValidHost".equals(type)) {
                    NoValidHost n = CODEC.fromJson(message.getBody(), NoValidHost.class);
                    answers.put(n.instanceUuid(), n);
                }
            }
            return servers.stream().allMatch(answers::containsKey);
        });
    }
}
