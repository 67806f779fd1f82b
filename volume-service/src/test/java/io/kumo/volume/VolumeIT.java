package io.kumo.volume;

import io.kumo.common.test.ApiClient;
import io.kumo.common.test.IdentityProcess;
import io.kumo.common.test.ServiceProcess;
import io.kumo.common.test.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of volume-service's integration tests: the service on a real port against the real MariaDB (fresh,
 * Flyway-migrated) and RabbitMQ, the real identity-service beside it, and a real agent process as the storage
 * host, with a {@code file} backend in a directory of the test's. All subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class VolumeIT {

    static final int PORT = IdentityProcess.freePort();
    static final String RUN = Long.toString(System.nanoTime(), 36);
    static final IdentityProcess IDENTITY = IdentityProcess.shared("kumo_identity_for_volume_it",
            Map.of("volumev3", "http://127.0.0.1:" + PORT + "/v3/$(project_id)s",
                    "block-storage", "http://127.0.0.1:" + PORT + "/v3/$(project_id)s"));
    static final Path VOLUMES = tempDirectory("kumo-volume-it");
    static final String STORAGE_HOST = "storage-it-" + RUN;
    static final String BACKEND = "files";
    static final ApiClient keystone = new ApiClient(IDENTITY.url());
    /** Started beside this service's own context (each test waits for the storage host's announcement anyway). */
    static final java.util.concurrent.CompletableFuture<ServiceProcess> AGENT =
            java.util.concurrent.CompletableFuture.supplyAsync(VolumeIT::storageAgent);
    private static volatile boolean storageHostSeen;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.datasource.url", () -> TestInfrastructure.freshDatabase("kumo_volume_it"));
        registry.add("spring.datasource.username", TestInfrastructure::dbUser);
        registry.add("spring.datasource.password", TestInfrastructure::dbPassword);
        registry.add("spring.rabbitmq.addresses", TestInfrastructure::amqpUrl);
        registry.add("kumo.identity.url", IDENTITY::url);
        registry.add("kumo.identity.service-user", () -> "kumo-volume");
        registry.add("kumo.identity.service-password", () -> IdentityProcess.SERVICE_PASSWORD);
        registry.add("kumo.identity.limits-ttl", () -> "1s");
        // this run's own queue of storage events, dropped by RabbitMQ five minutes after the run
        String consumer = "spring.cloud.stream.rabbit.bindings.storageEvents-in-0.consumer.";
        registry.add("spring.cloud.stream.bindings.storageEvents-in-0.group", () -> "volume-it-" + RUN);
        registry.add(consumer + "expires", () -> "300000");
        registry.add(consumer + "auto-bind-dlq", () -> "false");
        registry.add(consumer + "republish-to-dlq", () -> "false");
    }

    /**
     * The storage host's first announcement can precede this context's queue: wait for the next one
     * (every 2 s here) before any test places a volume.
     */
    @BeforeEach
    void storageHostKnown() {
        if (storageHostSeen) {
            return;
        }
        AGENT.join(); // started, or its failure is this test's
        String admin = adminToken();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> cinder(admin)
                .get("/scheduler-stats/get_pools", admin).json().get("pools").findValuesAsString("name")
                .contains(STORAGE_HOST + "@" + BACKEND + "#" + BACKEND));
        storageHostSeen = true;
    }

    /** The volume API of a token's project: {@code http://127.0.0.1:PORT/v3/<project>}. */
    static ApiClient cinder(String token) {
        return new ApiClient("http://127.0.0.1:" + PORT + "/v3/" + IDENTITY.projectId(token));
    }

    static String demoToken() {
        return IDENTITY.demoToken();
    }

    static String adminToken() {
        return IDENTITY.adminToken();
    }

    static String newProjectMember(String name) {
        return IDENTITY.newProjectMember(name);
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    static JsonNode show(ApiClient api, String token, String id) {
        return api.get("/volumes/" + id, token).json().get("volume");
    }

    /** An agent with the fake hypervisor driver whose storage role keeps volumes as files in {@link #VOLUMES}. */
    private static ServiceProcess storageAgent() {
        ServiceProcess agent = ServiceProcess.start(System.getProperty("kumo.test.agent.jar"), "192m",
                IdentityProcess.freePort(), List.of("--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(),
                        "--agent.driver=fake", "--agent.host=" + STORAGE_HOST, "--agent.fake.hosts=1",
                        "--agent.availability-zone=nova",
                        "--agent.volume.backends=" + BACKEND + ":file:" + VOLUMES,
                        "--agent.volume.announce-interval=2s",
                        "--agent.volume.image-cache-dir=" + tempDirectory("kumo-volume-it-images"),
                        "--spring.cloud.stream.bindings.networkEvents-in-0.group=agent-net-it-" + STORAGE_HOST,
                        "--spring.cloud.stream.rabbit.bindings.networkEvents-in-0.consumer.expires=300000",
                        "--spring.cloud.stream.bindings.imageEvents-in-0.group=agent-img-it-" + STORAGE_HOST,
                        "--spring.cloud.stream.rabbit.bindings.imageEvents-in-0.consumer.expires=300000"));
        agent.destroyOnExit();
        return agent;
    }

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
