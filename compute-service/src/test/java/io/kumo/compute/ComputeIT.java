package io.kumo.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import io.kumo.common.test.IdentityProcess;
import io.kumo.common.test.ServiceProcess;
import io.kumo.common.test.TestInfrastructure;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of compute-service's integration tests: the service on a real port against MariaDB and
 * RabbitMQ, with the real identity-service and scheduler beside it, each as its own process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class ComputeIT {

    /** This test run's name for its queues (initialised before the processes below need it). */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final int PORT = IdentityProcess.freePort();
    static final int SCHEDULER_PORT = IdentityProcess.freePort();
    /** image-service and network-service run only for the server tests (see CloudProcesses), on these ports. */
    static final int IMAGE_PORT = IdentityProcess.freePort();
    static final int NETWORK_PORT = IdentityProcess.freePort();
    /** volume-service, too, for the servers' volumes (see CloudProcesses). */
    static final int VOLUME_PORT = IdentityProcess.freePort();
    static final IdentityProcess IDENTITY = IdentityProcess.shared("kumo_identity_for_compute_it",
            Map.of("compute", "http://127.0.0.1:" + PORT + "/v2.1", "placement", "http://127.0.0.1:" + SCHEDULER_PORT,
                    "image", "http://127.0.0.1:" + IMAGE_PORT, "network", "http://127.0.0.1:" + NETWORK_PORT,
                    "volumev3", "http://127.0.0.1:" + VOLUME_PORT + "/v3/$(project_id)s",
                    "block-storage", "http://127.0.0.1:" + VOLUME_PORT + "/v3/$(project_id)s"));
    static final ServiceProcess SCHEDULER = startScheduler();
    static final ApiClient nova = new ApiClient("http://127.0.0.1:" + PORT + "/v2.1");
    static final ApiClient root = new ApiClient("http://127.0.0.1:" + PORT);
    static final ApiClient placement = new ApiClient("http://127.0.0.1:" + SCHEDULER_PORT);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.datasource.url", () -> TestInfrastructure.freshDatabase("kumo_compute_it"));
        registry.add("spring.datasource.username", TestInfrastructure::dbUser);
        registry.add("spring.datasource.password", TestInfrastructure::dbPassword);
        registry.add("spring.rabbitmq.addresses", TestInfrastructure::amqpUrl);
        registry.add("kumo.identity.url", IDENTITY::url);
        registry.add("kumo.identity.service-user", () -> "kumo-compute");
        registry.add("kumo.identity.service-password", () -> IdentityProcess.SERVICE_PASSWORD);
        registry.add("kumo.identity.limits-ttl", () -> "1s");
        registry.add("compute.scheduler-url", SCHEDULER::url);
        registry.add("compute.image-url", () -> "http://127.0.0.1:" + IMAGE_PORT);
        registry.add("compute.network-url", () -> "http://127.0.0.1:" + NETWORK_PORT);
        registry.add("compute.volume-url", () -> "http://127.0.0.1:" + VOLUME_PORT);
        registry.add("compute.build-timeout", () -> "60s");
        for (String binding : COMPUTE_BINDINGS) {
            testQueue(binding, "compute").forEach((key, value) -> registry.add(key, () -> value));
        }
    }

    /** compute-service's consumer bindings, on the test run's own queues (see {@link #testQueue}). */
    static final List<String> COMPUTE_BINDINGS = List.of("schedulerAnswers-in-0", "hostOutcomes-in-0");

    /**
     * The settings that put a consumer binding on a queue of this test run's own, which RabbitMQ drops five
     * minutes after the run: no message of a `./kumo up` on the same broker, of another module's tests, or
     * left by an earlier run ever reaches the tests' services, and no queue is left to collect them.
     */
    static Map<String, String> testQueue(String binding, String service) {
        String consumer = "spring.cloud.stream.rabbit.bindings." + binding + ".consumer.";
        return Map.of("spring.cloud.stream.bindings." + binding + ".group", service + "-it-" + RUN,
                consumer + "expires", "300000", consumer + "auto-bind-dlq", "false",
                consumer + "republish-to-dlq", "false");
    }

    /** {@link #testQueue} as command-line arguments of a service process. */
    static List<String> testQueueArgs(String binding, String service) {
        return testQueue(binding, service).entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toList();
    }

    private static ServiceProcess startScheduler() {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=" + TestInfrastructure.freshDatabase("kumo_scheduler_for_compute_it"),
                "--spring.datasource.username=" + TestInfrastructure.dbUser(),
                "--spring.datasource.password=" + TestInfrastructure.dbPassword(),
                "--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(),
                "--kumo.identity.url=" + IDENTITY.url(),
                "--scheduler.heartbeat-queue=compute-it-heartbeats-" + SCHEDULER_PORT,
                // agents heartbeat every 2 s here; a killed one is down after 15 s (ReliabilityIT)
                "--scheduler.host-down-after=15s"));
        args.addAll(testQueueArgs("scheduleServer-in-0", "scheduler"));
        args.addAll(testQueueArgs("hostAnnounced-in-0", "scheduler"));
        ServiceProcess scheduler = ServiceProcess.start(System.getProperty("kumo.test.scheduler.jar"), "256m",
                SCHEDULER_PORT, args);
        scheduler.destroyOnExit();
        return scheduler;
    }

    static String adminToken() {
        return IDENTITY.adminToken();
    }

    static String demoToken() {
        return IDENTITY.demoToken();
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** Nova's error shape: {"<kind>": {"code": status, "message": "..."}}. */
    static void assertNovaError(ApiClient.Response response, int status, String kind) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        JsonNode error = response.json().get(kind);
        assertThat(error).as(response.text()).isNotNull();
        assertThat(error.get("code").asInt()).isEqualTo(status);
        assertThat(error.get("message").asString()).isNotBlank();
    }
}
