package io.kumo.image;

import io.kumo.common.test.ApiClient;
import io.kumo.common.test.IdentityProcess;
import io.kumo.common.test.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of image-service's integration tests: the service on a real port against the real MariaDB
 * (fresh, Flyway-migrated) and RabbitMQ, with the real identity-service beside it as its own process
 * (tokens, signing keys, catalog and quotas all come from it). All subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class ImageIT {

    static final int PORT = IdentityProcess.freePort();
    static final IdentityProcess IDENTITY = IdentityProcess.shared("kumo_identity_for_image_it",
            Map.of("image", "http://127.0.0.1:" + PORT));
    static final Path STORE = tempDirectory();
    static final ApiClient glance = new ApiClient("http://127.0.0.1:" + PORT);
    static final ApiClient keystone = new ApiClient(IDENTITY.url());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.datasource.url", () -> TestInfrastructure.freshDatabase("kumo_image_it"));
        registry.add("spring.datasource.username", TestInfrastructure::dbUser);
        registry.add("spring.datasource.password", TestInfrastructure::dbPassword);
        registry.add("spring.rabbitmq.addresses", TestInfrastructure::amqpUrl);
        registry.add("kumo.identity.url", IDENTITY::url);
        registry.add("kumo.identity.service-user", () -> "kumo-image");
        registry.add("kumo.identity.service-password", () -> IdentityProcess.SERVICE_PASSWORD);
        registry.add("image.file-store-dir", STORE::toString);
        registry.add("kumo.identity.limits-ttl", () -> "1s");
    }

    static String demoToken() {
        return IDENTITY.demoToken();
    }

    static String adminToken() {
        return IDENTITY.adminToken();
    }

    static String projectId(String token) {
        return IDENTITY.projectId(token);
    }

    static String newProjectMember(String name) {
        return IDENTITY.newProjectMember(name);
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** Creates a queued image and returns it. */
    static JsonNode createImage(String token, String json) {
        ApiClient.Response r = glance.post("/v2/images", token, json);
        if (r.status() != 201) {
            throw new IllegalStateException("create image: " + r.status() + " " + r.text());
        }
        return r.json();
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("kumo-image-store-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
