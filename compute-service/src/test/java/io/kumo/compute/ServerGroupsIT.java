package io.kumo.compute;

import static io.kumo.compute.NovaShape.Type.ARRAY;
import static io.kumo.compute.NovaShape.Type.OBJECT;
import static io.kumo.compute.NovaShape.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Server groups: the scheduler keeps anti-affinity members apart and affinity members together. */
class ServerGroupsIT extends ServerCloudIT {

    /** Tempest's v2_1 common_server_group (additionalProperties false). */
    static final NovaShape GROUP = NovaShape.of("server group").required("id", STRING).required("name", STRING)
            .required("policies", ARRAY).required("members", ARRAY).required("metadata", OBJECT);

    @Test
    void antiAffinityMembersLandOnDifferentHostsAndOneTooManyFindsNone() {
        String demo = demoToken();
        JsonNode group = createGroup(demo, "anti-affinity");
        String groupId = group.get("id").asString();
        String a = bootInGroup(demo, groupId, "");
        String b = bootInGroup(demo, groupId, "");
        String hostA = host(awaitStatus(a, "ACTIVE", demo), a);
        String hostB = host(awaitStatus(b, "ACTIVE", demo), b);
        assertThat(hostA).isNotEqualTo(hostB);
        String c = bootInGroup(demo, groupId, "");
        assertThat(awaitStatus(c, "ERROR", demo).get("fault").get("message").asString()).contains("No valid host");

        JsonNode shown = nova.get("/os-server-groups/" + groupId, demo).json().get("server_group");
        GROUP.check(shown);
        assertThat(strings(shown.get("members"))).containsExactlyInAnyOrder(a, b, c);
        assertThat(strings(nova.get("/os-server-groups", demo).json().get("server_groups").findValues("id")))
                .contains(groupId);
        assertNovaError(nova.get("/os-server-groups/" + groupId, IDENTITY.newProjectMember(unique("other"))), 404,
                "itemNotFound");

        deleteAll(demo, List.of(a, b, c));
        assertThat(nova.get("/os-server-groups/" + groupId, demo).json().get("server_group").get("members"))
                .isEmpty();
        assertThat(nova.delete("/os-server-groups/" + groupId, demo).status()).isEqualTo(204);
        assertNovaError(nova.get("/os-server-groups/" + groupId, demo), 404, "itemNotFound");
    }

    @Test
    void affinityMembersShareAHostAndBadGroupsAreRefused() {
        String demo = demoToken();
        String groupId = createGroup(demo, "affinity").get("id").asString();
        ApiClient.Response two = nova.post("/servers", demo, """
                {"server": {"name": "%s", "flavorRef": "m1.tiny", "imageRef": "%s", "networks": [{"uuid": "%s"}],
                 "availability_zone": "%s", "min_count": 2, "max_count": 2},
                 "os:scheduler_hints": {"group": "%s"}}""".formatted(unique("together"), imageId, networkId,
                CloudProcesses.ZONE, groupId));
        assertThat(two.status()).as(two.text()).isEqualTo(202);
        List<String> members = strings(nova.get("/os-server-groups/" + groupId, demo).json().get("server_group")
                .get("members"));
        assertThat(members).hasSize(2);
        assertThat(members.stream().map(id -> host(awaitStatus(id, "ACTIVE", demo), id)).distinct()).hasSize(1);

        assertNovaError(nova.post("/os-server-groups", demo, "{\"server_group\": {\"name\": \"g\", \"policies\":"
                + " [\"soft-affinity\"]}}"), 400, "badRequest");
        assertNovaError(boot(demo, unique("lost"), networkId, "}, \"os:scheduler_hints\": {\"group\":"
                + " \"00000000-0000-0000-0000-000000000000\""), 400, "badRequest");
        deleteAll(demo, members);
        assertThat(nova.delete("/os-server-groups/" + groupId, demo).status()).isEqualTo(204);
    }

    @Test
    void sameHostAndDifferentHostHintsPlaceNextToOrAwayFromAServer() {
        String demo = demoToken();
        String first = bootWithHints(demo, "");
        String firstHost = host(awaitStatus(first, "ACTIVE", demo), first);
        String near = bootWithHints(demo, ", \"os:scheduler_hints\": {\"same_host\": \"" + first + "\"}");
        String far = bootWithHints(demo, ", \"os:scheduler_hints\": {\"different_host\": [\"" + first + "\"]}");
        assertThat(host(awaitStatus(near, "ACTIVE", demo), near)).isEqualTo(firstHost);
        assertThat(host(awaitStatus(far, "ACTIVE", demo), far)).isNotEqualTo(firstHost);
        assertNovaError(nova.post("/servers", demo, serverBody("bad-hint", ", \"os:scheduler_hints\":"
                + " {\"same_host\": \"not-a-uuid\"}")), 400, "badRequest");
        assertNovaError(nova.post("/servers", demo, serverBody("gone-hint", ", \"os:scheduler_hints\":"
                + " {\"different_host\": \"00000000-0000-0000-0000-000000000000\"}")), 400, "badRequest");
        deleteAll(demo, List.of(first, near, far));
    }

    private static String bootWithHints(String token, String hints) {
        ApiClient.Response created = nova.post("/servers", token, serverBody(unique("hinted"), hints));
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        return created.json().get("server").get("id").asString();
    }

    private static String serverBody(String name, String hints) {
        return """
                {"server": {"name": "%s", "flavorRef": "m1.tiny", "imageRef": "%s", "networks": [{"uuid": "%s"}],
                 "availability_zone": "%s"}%s}""".formatted(name, imageId, networkId, CloudProcesses.ZONE, hints);
    }

    private static JsonNode createGroup(String token, String policy) {
        ApiClient.Response created = nova.post("/os-server-groups", token, "{\"server_group\": {\"name\": \""
                + unique("group") + "\", \"policies\": [\"" + policy + "\"]}}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        GROUP.check(created.json().get("server_group"));
        return created.json().get("server_group");
    }

    private static String bootInGroup(String token, String group, String extra) {
        ApiClient.Response created = nova.post("/servers", token, """
                {"server": {"name": "%s", "flavorRef": "m1.tiny", "imageRef": "%s", "networks": [{"uuid": "%s"}],
                 "availability_zone": "%s"%s}, "os:scheduler_hints": {"group": "%s"}}""".formatted(unique("member"),
                imageId, networkId, CloudProcesses.ZONE, extra, group));
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        return created.json().get("server").get("id").asString();
    }

    private static String host(JsonNode server, String id) {
        return nova.get("/servers/" + id, adminToken()).json().get("server").get("OS-EXT-SRV-ATTR:host").asString();
    }

    private static List<String> strings(Iterable<JsonNode> nodes) {
        return java.util.stream.StreamSupport.stream(nodes.spliterator(), false).map(JsonNode::asString).toList();
    }

    private static void deleteAll(String token, List<String> ids) {
        ids.forEach(id -> assertThat(nova.delete("/servers/" + id, token).status()).isEqualTo(204));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
                .allMatch(id -> nova.get("/servers/" + id, token).status() == 404));
    }
}
