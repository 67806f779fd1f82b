package io.kumo.identity;

import io.kumo.common.test.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of identity's integration tests: the whole service on a real port, against the real
 * MariaDB/MySQL (a fresh, Flyway-migrated database) and the real RabbitMQ. All subclasses share one
 * application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class IdentityIT {

    static final String ADMIN_PASSWORD = "admin-pass-it";
    static final String DEMO_PASSWORD = "demo-pass-it";
    static final String SERVICE_PASSWORD = "service-pass-it";
    static final int PORT = freePort();

    static final KeystoneClient api = new KeystoneClient("http://127.0.0.1:" + PORT);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.datasource.url", () -> TestInfrastructure.freshDatabase("kumo_identity_it"));
        registry.add("spring.datasource.username", TestInfrastructure::dbUser);
        registry.add("spring.datasource.password", TestInfrastructure::dbPassword);
        registry.add("spring.rabbitmq.addresses", TestInfrastructure::amqpUrl);
        registry.add("identity.bootstrap.admin-password", () -> ADMIN_PASSWORD);
        registry.add("identity.bootstrap.service-password", () -> SERVICE_PASSWORD);
        registry.add("identity.bootstrap.demo-user", () -> "demo");
        registry.add("identity.bootstrap.demo-password", () -> DEMO_PASSWORD);
        registry.add("identity.bootstrap.public-base", () -> "http://127.0.0.1");
        registry.add("identity.bootstrap.endpoint-urls.identity", () -> "http://127.0.0.1:" + PORT + "/v3");
        registry.add("identity.bcrypt-strength", () -> 4);
        registry.add("identity.lockout.max-failures", () -> 3);
        registry.add("identity.lockout.duration", () -> "3s");
        registry.add("identity.auth-rate-limit.per-second", () -> 1000);
        registry.add("identity.auth-rate-limit.burst", () -> 1000);
    }

    static String adminToken() {
        return api.token("admin", ADMIN_PASSWORD, "admin");
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
