package io.kumo.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import io.kumo.common.test.IdentityProcess;
import io.kumo.common.test.TestInfrastructure;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of network-service's integration tests: the service on a real port against MariaDB and
 * RabbitMQ, with the real identity-service beside it (tokens, keys, catalog). Tenant networks get
 * VNIs from 100:199.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class NetworkIT {

    static final int PORT = IdentityProcess.freePort();
    static final IdentityProcess IDENTITY = IdentityProcess.shared("kumo_identity_for_network_it",
            Map.of("network", "http://127.0.0.1:" + PORT));
    static final ApiClient neutron = new ApiClient("http://127.0.0.1:" + PORT);
    static final ApiClient keystone = new ApiClient(IDENTITY.url());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.datasource.url", () -> TestInfrastructure.freshDatabase("kumo_network_it"));
        registry.add("spring.datasource.username", TestInfrastructure::dbUser);
        registry.add("spring.datasource.password", TestInfrastructure::dbPassword);
        registry.add("spring.rabbitmq.addresses", TestInfrastructure::amqpUrl);
        registry.add("kumo.identity.url", IDENTITY::url);
        registry.add("kumo.identity.service-user", () -> "kumo-network");
        registry.add("kumo.identity.service-password", () -> IdentityProcess.SERVICE_PASSWORD);
        registry.add("network.vxlan-vni-ranges", () -> "100:199");
        registry.add("kumo.identity.limits-ttl", () -> "1s");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 30);
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

    /** A project limit in identity for one of network's resources. */
    static void setLimit(String token, String resource, int value) {
        String admin = adminToken();
        String service = keystone.get("/v3/services?type=network", admin).json().get("services").get(0).get("id")
                .asString();
        ApiClient.Response created = keystone.post("/v3/limits", admin, """
                {"limits": [{"project_id": "%s", "service_id": "%s", "resource_name": "%s", "resource_limit": %d}]}"""
                .formatted(IDENTITY.projectId(token), service, resource, value));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    static JsonNode create(String token, String collection, String resource, String json) {
        ApiClient.Response r = neutron.post("/v2.0/" + collection, token, "{\"" + resource + "\": " + json + "}");
        if (r.status() != 201) {
            throw new IllegalStateException("create " + resource + ": " + r.status() + " " + r.text());
        }
        return r.json().get(resource);
    }

    static void assertNeutronError(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        JsonNode error = response.json().get("NeutronError");
        assertThat(error).as(response.text()).isNotNull();
        if (type != null) {
            assertThat(error.get("type").asString()).isEqualTo(type);
        }
        assertThat(error.get("message").asString()).isNotBlank();
    }
}
