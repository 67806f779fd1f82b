package io.kumo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Keystone's discovery and token API, as keystoneauth, the CLI and Tempest's test_tokens use it. */
class TokensIT extends IdentityIT {

    @Test
    void discoveryAnswersLikeKeystone() {
        KeystoneClient.Response root = api.get("/", null);
        assertThat(root.status()).isEqualTo(300);
        assertThat(root.header("Location")).isEqualTo(api.base() + "/v3/");
        JsonNode v3 = root.at("/versions/values/0");
        assertThat(v3.get("id").asString()).isEqualTo("v3.14");
        assertThat(v3.get("status").asString()).isEqualTo("stable");
        assertThat(v3.at("/links/0/href").asString()).isEqualTo(api.base() + "/v3/");
        assertThat(v3.at("/media-types/0/type").asString()).isEqualTo("application/vnd.openstack.identity-v3+json");

        KeystoneClient.Response version = api.get("/v3", null);
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.str("/version/id")).isEqualTo("v3.14");
        assertThat(version.header("X-OpenStack-Request-Id")).startsWith("req-");
    }

    @Test
    void passwordAuthScopedToAProjectByNameReturnsAKeystoneTokenWithCatalog() {
        KeystoneClient.Response r = api.post("/v3/auth/tokens", null,
                KeystoneClient.passwordAuth("admin", ADMIN_PASSWORD, "admin"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("X-Subject-Token")).isNotBlank();
        assertThat(r.header("Server-Timing")).as("operators see hash time and the rest apart")
                .matches("hash;dur=[0-9.]+, other;dur=[0-9.]+");
        JsonNode token = r.at("/token");
        assertThat(token.at("/methods/0").asString()).isEqualTo("password");
        assertThat(token.at("/user/name").asString()).isEqualTo("admin");
        assertThat(token.at("/user/domain/name").asString()).isEqualTo("Default");
        assertThat(token.at("/project/name").asString()).isEqualTo("admin");
        assertThat(token.at("/project/domain/id").asString()).isEqualTo("default");
        assertThat(token.get("is_domain").asBoolean()).isFalse();
        assertThat(token.get("expires_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(token.at("/audit_ids/0").asString()).hasSize(22);
        assertThat(names(token.get("roles"))).contains("admin", "member", "reader");

        List<String> types = new ArrayList<>();
        token.get("catalog").forEach(s -> types.add(s.get("type").asString()));
        assertThat(types).contains("identity", "compute", "network", "image", "volumev3", "block-storage", "placement");
        JsonNode volume = find(token.get("catalog"), "volumev3");
        JsonNode endpoint = volume.at("/endpoints/0");
        assertThat(endpoint.get("region").asString()).isEqualTo("RegionOne");
        assertThat(endpoint.get("region_id").asString()).isEqualTo("RegionOne");
        assertThat(endpoint.get("url").asString()).endsWith("/v3/" + token.at("/project/id").asString());
    }

    @Test
    void authenticatesByIdsAndHonoursNocatalog() {
        KeystoneClient.Response byName = api.post("/v3/auth/tokens", null,
                KeystoneClient.passwordAuth("admin", ADMIN_PASSWORD, "admin"));
        String userId = byName.str("/token/user/id");
        String projectId = byName.str("/token/project/id");
        KeystoneClient.Response byId = api.post("/v3/auth/tokens?nocatalog", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"id\":\"" + userId
                        + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}}},\"scope\":{\"project\":{\"id\":\"" + projectId
                        + "\"}}}}");
        assertThat(byId.status()).isEqualTo(201);
        assertThat(byId.str("/token/project/id")).isEqualTo(projectId);
        assertThat(byId.at("/token").has("catalog")).isFalse();
    }

    @Test
    void unscopedSystemAndDomainScopes() {
        KeystoneClient.Response unscoped = api.post("/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\","
                        + "\"domain\":{\"id\":\"default\"},\"password\":\"" + ADMIN_PASSWORD + "\"}}},\"scope\":\"unscoped\"}}");
        assertThat(unscoped.status()).isEqualTo(201);
        assertThat(unscoped.at("/token").has("project")).isFalse();
        assertThat(unscoped.at("/token/catalog")).isEmpty();

        KeystoneClient.Response system = api.post("/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\","
                        + "\"domain\":{\"name\":\"Default\"},\"password\":\"" + ADMIN_PASSWORD + "\"}}},"
                        + "\"scope\":{\"system\":{\"all\":true}}}}");
        assertThat(system.status()).isEqualTo(201);
        assertThat(system.at("/token/system/all").asBoolean()).isTrue();

        KeystoneClient.Response domain = api.post("/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo\","
                        + "\"domain\":{\"name\":\"Default\"},\"password\":\"" + DEMO_PASSWORD + "\"}}},"
                        + "\"scope\":{\"domain\":{\"id\":\"default\"}}}}");
        assertThat(domain.status()).as("demo has no role on the domain").isEqualTo(401);
    }

    @Test
    void validateCheckAndRevokeASubjectToken() {
        String admin = adminToken();
        String demo = api.token("demo", DEMO_PASSWORD, "demo");

        KeystoneClient.Response validated = api.send("GET", "/v3/auth/tokens", admin, null, demo);
        assertThat(validated.status()).isEqualTo(200);
        assertThat(validated.str("/token/user/name")).isEqualTo("demo");
        assertThat(validated.header("X-Subject-Token")).isEqualTo(demo);
        assertThat(api.send("HEAD", "/v3/auth/tokens", admin, null, demo).status()).isEqualTo(200);

        assertThat(api.send("DELETE", "/v3/auth/tokens", admin, null, demo).status()).isEqualTo(204);
        assertThat(api.send("GET", "/v3/auth/tokens", admin, null, demo).status()).isEqualTo(404);
        assertThat(api.send("HEAD", "/v3/auth/tokens", admin, null, demo).status()).isEqualTo(404);
        assertThat(api.get("/v3/auth/catalog", demo).status()).as("a revoked token no longer works").isEqualTo(401);
    }

    @Test
    void aUserMayValidateOnlyTheirOwnTokens() {
        String demo = api.token("demo", DEMO_PASSWORD, "demo");
        String admin = adminToken();
        assertThat(api.send("GET", "/v3/auth/tokens", demo, null, demo).status()).isEqualTo(200);
        assertThat(api.send("GET", "/v3/auth/tokens", demo, null, admin).status()).isEqualTo(403);
    }

    @Test
    void rescopingKeepsTheAuditChainAndRevokingTheParentRevokesTheChild() {
        String unscoped = api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth("demo", DEMO_PASSWORD, null))
                .header("X-Subject-Token");
        KeystoneClient.Response parent = api.send("GET", "/v3/auth/tokens", unscoped, null, unscoped);
        KeystoneClient.Response child = api.post("/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"" + unscoped + "\"}},"
                        + "\"scope\":{\"project\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"}}}}}");
        assertThat(child.status()).isEqualTo(201);
        assertThat(child.str("/token/project/name")).isEqualTo("demo");
        assertThat(names(child.at("/token/methods"), false)).containsExactly("token", "password");
        assertThat(child.at("/token/audit_ids").size()).isEqualTo(2);
        assertThat(child.str("/token/audit_ids/1")).isEqualTo(parent.str("/token/audit_ids/0"));
        assertThat(child.str("/token/expires_at")).isEqualTo(parent.str("/token/expires_at"));

        String childToken = child.header("X-Subject-Token");
        assertThat(api.delete("/v3/auth/tokens", null).status()).isEqualTo(401);
        assertThat(api.send("DELETE", "/v3/auth/tokens", unscoped, null, unscoped).status()).isEqualTo(204);
        assertThat(api.get("/v3/auth/projects", childToken).status()).isEqualTo(401);
    }

    /** Regression: the first key was once created inside a read-only transaction and never stored. */
    @Test
    void theKeyThatSignedATokenIsPublishedForOtherServices() {
        String token = adminToken();
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                java.nio.charset.StandardCharsets.UTF_8);
        String kid = header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
        KeystoneClient.Response jwks = api.get("/v3/OS-KUMO/jwks", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.text()).contains("\"kid\":\"" + kid + "\"").contains("\"crv\":\"P-256\"");
    }

    @Test
    void callerCentricListings() {
        String demo = api.token("demo", DEMO_PASSWORD, "demo");
        KeystoneClient.Response projects = api.get("/v3/auth/projects", demo);
        assertThat(projects.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        projects.at("/projects").forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).containsExactly("demo");
        KeystoneClient.Response catalog = api.get("/v3/auth/catalog", demo);
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(find(catalog.at("/catalog"), "identity")).isNotNull();
    }

    private static JsonNode find(JsonNode catalog, String type) {
        for (JsonNode service : catalog) {
            if (service.get("type").asString().equals(type)) {
                return service;
            }
        }
        return null;
    }

    private static List<String> names(JsonNode roles) {
        return names(roles, true);
    }

    private static List<String> names(JsonNode array, boolean objects) {
        List<String> names = new ArrayList<>();
        array.forEach(r -> names.add(objects ? r.get("name").asString() : r.asString()));
        return names;
    }
}
