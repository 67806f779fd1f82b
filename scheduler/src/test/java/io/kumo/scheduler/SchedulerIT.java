package io.kumo.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.MessageType;
import io.kumo.common.contract.host.HostAnnounced;
import io.kumo.common.contract.host.InventorySpec;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.common.test.ApiClient;
import io.kumo.common.test.IdentityProcess;
import io.kumo.common.test.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the scheduler's integration tests: the scheduler on a real port against MariaDB and
 * RabbitMQ, with the real identity-service beside it for tokens. Hosts are announced the way agents
 * do it, over {@code kumo.host.events}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class SchedulerIT {

    static final int PORT = IdentityProcess.freePort();
    static final String DATABASE = TestInfrastructure.freshDatabase("kumo_scheduler_it");
    static final IdentityProcess IDENTITY = IdentityProcess.shared("kumo_identity_for_scheduler_it",
            Map.of("placement", "http://127.0.0.1:" + PORT));
    static final ApiClient placement = new ApiClient("http://127.0.0.1:" + PORT);
    static final MessageCodec CODEC = new MessageCodec();

    @Autowired
    ConnectionFactory connections;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", TestInfrastructure::dbUser);
        registry.add("spring.datasource.password", TestInfrastructure::dbPassword);
        registry.add("spring.rabbitmq.addresses", TestInfrastructure::amqpUrl);
        registry.add("kumo.identity.url", IDENTITY::url);
        registry.add("scheduler.host-down-after", () -> "10m");
        registry.add("scheduler.cache-refresh", () -> "200ms");
    }

    static String adminToken() {
        return IDENTITY.adminToken();
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    void publish(String exchange, String routingKey, Object contract) {
        MessageType type = MessageCodec.typeOf(contract.getClass());
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(UUID.randomUUID().toString());
        properties.setContentType("application/json");
        properties.setHeader(MessageCodec.TYPE_HEADER, type.name());
        properties.setHeader(MessageCodec.VERSION_HEADER, type.version());
        new RabbitTemplate(connections).send(exchange, routingKey,
                new Message(CODEC.toJson(contract).getBytes(StandardCharsets.UTF_8), properties));
    }

    /** Announces a host as an agent does and waits until the scheduler knows it. */
    void announce(String host, String zone, int vcpus, int ramMb, List<String> traits) {
        publish(Exchanges.HOST_EVENTS, HostAnnounced.ROUTING_KEY, new HostAnnounced(host, null, zone,
                Map.of("VCPU", InventorySpec.of(vcpus, 0, 1.0), "MEMORY_MB", InventorySpec.of(ramMb, 0, 1.0),
                        "DISK_GB", InventorySpec.of(100, 0, 1.0)), traits, "fake", Instant.now(), null));
        String admin = adminToken();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            ApiClient.Response r = placement.get("/hosts/" + host, admin);
            return r.status() == 200;
        });
        // the announcing scheduler reloads the host right after its commit; give that a moment
        Awaitility.await().pollDelay(Duration.ofMillis(300)).until(() -> true);
    }

    static void assertPlacementError(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("detail").asString()).isNotBlank();
        assertThat(error.get("request_id").asString()).startsWith("req-");
        if (code != null) {
            assertThat(error.get("code").asString()).isEqualTo(code);
        }
    }
}
