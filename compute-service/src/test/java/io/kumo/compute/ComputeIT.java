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

    static final int PORT = IdentityProcess.freePort();
    static final int SCHEDULER_PORT = IdentityProcess.freePort();
    /** image-service and network-service run only for the server tests (see CloudProcesses), on these ports. */
    static final int IMAGE_PORT = IdentityProcess.freePort();
    static final int NETWORK_PORT = IdentityProcess.freePort();
    static final IdentityProcess IDENTITY = IdentityProcess.shared("kumo_identity_for_compute_it",
            Map.of("compute", "http://127.0.0.1:" + PORT + "/v2.1", "placement", "http://127.0.0.1:" + SCHEDULER_PORT,
                    "image", "http://127.0.0.1:" + IMAGE_PORT, "network", "http://127.0.0.1:" + NETWORK_PORT));
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
        registry.add("compute.build-timeout", () -> "60s");
        CONSUMER_GROUPS.forEach((binding, group) -> registry.add("spring.cloud.stream.bindings." + binding + ".group",
                () -> group));
    }

    /**
     * The tests' own consumer groups (queues), so that a cloud of `./kumo up` on the same broker, or messages
     * it left behind, never mix with the tests' messages.
     */
    static final Map<String, String> CONSUMER_GROUPS = Map.of("schedulerAnswers-in-0", "compute-it",
            "hostOutcomes-in-0", "compute-it");

    private static ServiceProcess startScheduler() {
        ServiceProcess scheduler = ServiceProcess.start(System.getProperty("kumo.test.scheduler.jar"), "256m", SCHEDULER_PORT, List.of(
                "--spring.datasource.url=" + TestInfrastructure.freshDatabase("kumo_scheduler_for_compute_it"),
                "--spring.datasource.username=" + TestInfrastructure.dbUser(),
                "--spring.datasource.password=" + TestInfrastructure.dbPassword(),
                "--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(),
                "--kumo.identity.url=" + IDENTITY.url(),
                "--scheduler.heartbeat-queue=compute-it-heartbeats-" + SCHEDULER_PORT,
                "--spring.cloud.stream.bindings.scheduleServer-in-0.group=scheduler-compute-it",
                "--spring.cloud.stream.bindings.hostAnnounced-in-0.group=scheduler-compute-it",
                // agents heartbeat every 2 s here; a killed one is down after 15 s (ReliabilityIT)
                "--scheduler.host-down-after=15s"));
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
