package io.kumo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The admin walkthrough of the README (project, user, role, limits), and what it changes for the user. */
class ResourcesIT extends IdentityIT {

    @Test
    void adminCreatesAProjectAndAMemberWhoCanThenWorkInIt() {
        String admin = adminToken();
        String project = unique("team");
        String user = unique("alice");
        KeystoneClient.Response created = api.post("/v3/projects", admin,
                "{\"project\":{\"name\":\"" + project + "\",\"description\":\"Team A\",\"enabled\":true,\"tags\":[\"ci\"]}}");
        assertThat(created.status()).isEqualTo(201);
        String projectId = created.str("/project/id");
        assertThat(projectId).matches("[0-9a-f]{32}");
        assertThat(created.str("/project/domain_id")).isEqualTo("default");
        assertThat(created.str("/project/links/self")).isEqualTo(api.base() + "/v3/projects/" + projectId);
        assertThat(created.str("/project/tags/0")).isEqualTo("ci");

        KeystoneClient.Response newUser = api.post("/v3/users", admin, "{\"user\":{\"name\":\"" + user
                + "\",\"default_project_id\":\"" + projectId + "\",\"password\":\"s3cret\",\"enabled\":true}}");
        assertThat(newUser.status()).isEqualTo(201);
        assertThat(newUser.body().at("/user").has("password")).isFalse();
        String userId = newUser.str("/user/id");

        String memberRole = api.get("/v3/roles?name=member", admin).str("/roles/0/id");
        String grant = "/v3/projects/" + projectId + "/users/" + userId + "/roles/" + memberRole;
        assertThat(api.head(grant, admin).status()).isEqualTo(404);
        assertThat(api.put(grant, admin).status()).isEqualTo(204);
        assertThat(api.put(grant, admin).status()).as("granting twice is harmless").isEqualTo(204);
        assertThat(api.head(grant, admin).status()).isEqualTo(204);

        KeystoneClient.Response assignments = api.get("/v3/role_assignments?scope.project.id=" + projectId
                + "&include_names=True", admin);
        JsonNode first = assignments.at("/role_assignments/0");
        assertThat(first.at("/role/name").asString()).isEqualTo("member");
        assertThat(first.at("/user/name").asString()).isEqualTo(user);
        assertThat(first.at("/scope/project/name").asString()).isEqualTo(project);

        String token = api.token(user, "s3cret", project);
        KeystoneClient.Response own = api.get("/v3/projects/" + projectId, token);
        assertThat(own.status()).isEqualTo(200);
        assertThat(api.get("/v3/users/" + userId, token).status()).isEqualTo(200);

        assertThat(api.delete(grant, admin).status()).isEqualTo(204);
        assertThat(api.get("/v3/projects/" + projectId, token).status())
                .as("removing the role revokes the user's tokens on the project").isEqualTo(401);
    }

    @Test
    void changingOrResettingAPasswordRevokesTheUsersTokens() {
        String admin = adminToken();
        String user = unique("bob");
        String userId = api.post("/v3/users", admin, "{\"user\":{\"name\":\"" + user + "\",\"password\":\"first-pass\"}}")
                .str("/user/id");
        String token = api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth(user, "first-pass", null))
                .header("X-Subject-Token");
        assertThat(api.post("/v3/users/" + userId + "/password", token,
                "{\"user\":{\"original_password\":\"wrong-pass\",\"password\":\"second-pass\"}}").status()).isEqualTo(401);
        assertThat(api.post("/v3/users/" + userId + "/password", token,
                "{\"user\":{\"original_password\":\"first-pass\",\"password\":\"second-pass\"}}").status()).isEqualTo(204);
        assertThat(api.get("/v3/auth/projects", token).status()).isEqualTo(401);
        assertThat(api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth(user, "second-pass", null)).status())
                .isEqualTo(201);

        String fresh = api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth(user, "second-pass", null))
                .header("X-Subject-Token");
        assertThat(api.patch("/v3/users/" + userId, admin, "{\"user\":{\"enabled\":false}}").status()).isEqualTo(200);
        assertThat(api.get("/v3/auth/projects", fresh).status()).as("disabling revokes").isEqualTo(401);
        assertThat(api.post("/v3/auth/tokens", null, KeystoneClient.passwordAuth(user, "second-pass", null)).status())
                .isEqualTo(401);
    }

    @Test
    void groupsGiveTheirRolesToMembers() {
        String admin = adminToken();
        String projectId = api.post("/v3/projects", admin, "{\"project\":{\"name\":\"" + unique("grp") + "\"}}")
                .str("/project/id");
        String userId = api.post("/v3/users", admin, "{\"user\":{\"name\":\"" + unique("carol")
                + "\",\"password\":\"carol-pass\"}}").str("/user/id");
        String groupId = api.post("/v3/groups", admin, "{\"group\":{\"name\":\"" + unique("devs") + "\"}}")
                .str("/group/id");
        String reader = api.get("/v3/roles?name=reader", admin).str("/roles/0/id");
        assertThat(api.put("/v3/groups/" + groupId + "/users/" + userId, admin).status()).isEqualTo(204);
        assertThat(api.put("/v3/projects/" + projectId + "/groups/" + groupId + "/roles/" + reader, admin).status())
                .isEqualTo(204);
        KeystoneClient.Response effective = api.get("/v3/role_assignments?effective&user.id=" + userId, admin);
        assertThat(effective.str("/role_assignments/0/scope/project/id")).isEqualTo(projectId);
        KeystoneClient.Response scoped = api.post("/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"id\":\"" + userId
                        + "\",\"password\":\"carol-pass\"}}},\"scope\":{\"project\":{\"id\":\"" + projectId + "\"}}}}");
        assertThat(scoped.status()).isEqualTo(201);
        assertThat(scoped.str("/token/roles/0/name")).isEqualTo("reader");
    }

    @Test
    void unifiedLimitsAreTheQuotaSource() {
        String admin = adminToken();
        KeystoneClient.Response registered = api.get("/v3/registered_limits?resource_name=servers", admin);
        assertThat(registered.status()).isEqualTo(200);
        JsonNode servers = registered.at("/registered_limits/0");
        assertThat(servers.get("default_limit").asInt()).isEqualTo(10);
        String computeService = servers.get("service_id").asString();

        String projectId = api.post("/v3/projects", admin, "{\"project\":{\"name\":\"" + unique("quota") + "\"}}")
                .str("/project/id");
        KeystoneClient.Response limit = api.post("/v3/limits", admin, "{\"limits\":[{\"project_id\":\"" + projectId
                + "\",\"service_id\":\"" + computeService + "\",\"resource_name\":\"servers\",\"resource_limit\":25}]}");
        assertThat(limit.status()).isEqualTo(201);
        assertThat(limit.at("/limits/0/resource_limit").asInt()).isEqualTo(25);
        assertThat(api.post("/v3/limits", admin, "{\"limits\":[{\"project_id\":\"" + projectId
                + "\",\"service_id\":\"" + computeService + "\",\"resource_name\":\"servers\",\"resource_limit\":30}]}")
                .status()).isEqualTo(409);
        assertThat(api.post("/v3/limits", admin, "{\"limits\":[{\"project_id\":\"" + projectId
                + "\",\"service_id\":\"" + computeService + "\",\"resource_name\":\"unicorns\",\"resource_limit\":1}]}")
                .status()).as("only registered resources").isEqualTo(403);

        String demo = api.token("demo", DEMO_PASSWORD, "demo");
        List<String> visible = new ArrayList<>();
        api.get("/v3/limits", demo).at("/limits").forEach(l -> visible.add(l.get("project_id").asString()));
        assertThat(visible).doesNotContain(projectId);
        assertThat(api.get("/v3/limits?project_id=" + projectId, admin).at("/limits")).hasSize(1);
    }

    @Test
    void catalogAdministration() {
        String admin = adminToken();
        String region = unique("Region");
        assertThat(api.post("/v3/regions", admin, "{\"region\":{\"id\":\"" + region + "\"}}").status()).isEqualTo(201);
        String serviceId = api.post("/v3/services", admin,
                "{\"service\":{\"type\":\"" + unique("dns") + "\",\"name\":\"designate\"}}").str("/service/id");
        KeystoneClient.Response endpoint = api.post("/v3/endpoints", admin, "{\"endpoint\":{\"service_id\":\"" + serviceId
                + "\",\"interface\":\"public\",\"region_id\":\"" + region + "\",\"url\":\"http://dns.example:9001\"}}");
        assertThat(endpoint.status()).isEqualTo(201);
        assertThat(endpoint.str("/endpoint/region")).isEqualTo(region);
        assertThat(api.post("/v3/endpoints", admin, "{\"endpoint\":{\"service_id\":\"" + serviceId
                + "\",\"interface\":\"sideways\",\"url\":\"http://x\"}}").status()).isEqualTo(400);
        String token = adminToken();
        boolean listed = false;
        for (JsonNode service : api.get("/v3/auth/catalog", token).at("/catalog")) {
            listed |= service.get("id").asString().equals(serviceId);
        }
        assertThat(listed).as("a new endpoint shows in the catalog at once").isTrue();
        assertThat(api.delete("/v3/regions/" + region, admin).status()).as("region still in use").isEqualTo(409);
    }
}
