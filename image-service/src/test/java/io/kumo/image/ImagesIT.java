package io.kumo.image;

import io.kumo.common.test.ApiClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Image records through the Glance v2 API, as the CLI, openstacksdk and Tempest drive it. */
class ImagesIT extends ImageIT {

    private static final String V21 = "application/openstack-images-v2.1-json-patch";
    private static final String V20 = "application/openstack-images-v2.0-json-patch";

    @Test
    void versionDiscoveryAnswersAsGlance() {
        ApiClient.Response root = glance.get("/", null);
        assertThat(root.status()).isEqualTo(300);
        JsonNode current = root.json().get("versions").get(0);
        assertThat(current.get("id").asString()).isEqualTo("v2.15");
        assertThat(current.get("status").asString()).isEqualTo("CURRENT");
        assertThat(current.get("links").get(0).get("href").asString()).isEqualTo("http://127.0.0.1:" + PORT + "/v2/");
        assertThat(glance.get("/versions", null).status()).isEqualTo(200);
    }

    @Test
    void createShowsAQueuedImageWithEveryGlanceFieldAndKeepsExtraProperties() {
        String token = demoToken();
        ApiClient.Response created = glance.post("/v2/images", token, """
                {"name": "tiny", "disk_format": "qcow2", "container_format": "bare", "hypervisor_type": "qemu",
                 "owner_specified.openstack.md5": "", "tags": ["ci"], "min_disk": 1}""");
        assertThat(created.status()).isEqualTo(201);
        JsonNode image = created.json();
        String id = image.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("http://127.0.0.1:" + PORT + "/v2/images/" + id);
        assertThat(image.get("status").asString()).isEqualTo("queued");
        assertThat(image.get("visibility").asString()).isEqualTo("shared");
        assertThat(image.get("hypervisor_type").asString()).isEqualTo("qemu");
        assertThat(image.get("owner_specified.openstack.md5").asString()).isEmpty();
        assertThat(image.get("size").isNull()).isTrue();
        assertThat(image.get("checksum").isNull()).isTrue();
        assertThat(image.get("min_disk").asInt()).isEqualTo(1);
        assertThat(image.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(image.get("self").asString()).isEqualTo("/v2/images/" + id);
        assertThat(image.get("file").asString()).isEqualTo("/v2/images/" + id + "/file");
        assertThat(image.get("schema").asString()).isEqualTo("/v2/schemas/image");
        assertThat(image.get("owner").asString()).isEqualTo(projectId(token));

        JsonNode shown = glance.get("/v2/images/" + id, token).json();
        assertThat(shown.get("tags").get(0).asString()).isEqualTo("ci");
        assertThat(shown.get("hypervisor_type").asString()).isEqualTo("qemu");
    }

    @Test
    void badCreatesAreGlanceShaped4xxAndCreateNothing() {
        String token = demoToken();
        String name = unique("bad");
        assertError(glance.post("/v2/images", token, "{\"name\": \"" + name + "\", \"disk_format\": \"floppy\"}"), 400);
        assertError(glance.post("/v2/images", token, "{\"name\": \"" + name + "\", \"status\": \"active\"}"), 403);
        assertError(glance.post("/v2/images", token, "{\"name\": \"" + name + "\", \"os_glance_foo\": \"x\"}"), 403);
        assertError(glance.post("/v2/images", token, "{\"name\": \"" + name + "\", \"visibility\": \"public\"}"), 403);
        assertError(glance.post("/v2/images", token, "{\"name\": \"" + name + "\", \"custom\": 5}"), 400);
        assertError(glance.post("/v2/images", token, "{\"name\": "), 400);
        assertError(glance.post("/v2/images", null, "{\"name\": \"" + name + "\"}"), 401);
        assertThat(glance.get("/v2/images?name=" + name, token).json().get("images")).isEmpty();
    }

    @Test
    void jsonPatchInBothGlanceFormsAndItsErrors() {
        String token = demoToken();
        String id = createImage(token, "{\"name\": \"patchme\", \"os_distro\": \"debian\"}").get("id").asString();
        ApiClient.Response v21 = glance.patch("/v2/images/" + id, token, V21, """
                [{"op": "add", "path": "/os_version", "value": "12"}, {"op": "replace", "path": "/name", "value": "p2"},
                 {"op": "add", "path": "/tags", "value": ["a", "b"]}, {"op": "remove", "path": "/os_distro"}]""");
        assertThat(v21.status()).isEqualTo(200);
        assertThat(v21.json().get("name").asString()).isEqualTo("p2");
        assertThat(v21.json().get("os_version").asString()).isEqualTo("12");
        assertThat(v21.json().has("os_distro")).isFalse();
        ApiClient.Response v20 = glance.patch("/v2/images/" + id, token, V20, "[{\"replace\": \"/name\", \"value\": \"p3\"}]");
        assertThat(v20.json().get("name").asString()).isEqualTo("p3");

        assertError(glance.patch("/v2/images/" + id, token, V21, "{\"op\": \"add\"}"), 400);
        assertError(glance.patch("/v2/images/" + id, token, V21, "[{\"op\": \"add\", \"path\": \"/tags/0\", \"value\": \"x\"}]"), 400);
        assertError(glance.patch("/v2/images/" + id, token, V21, "[{\"op\": \"replace\", \"path\": \"/missing\", \"value\": \"x\"}]"), 409);
        assertError(glance.patch("/v2/images/" + id, token, V21, "[{\"op\": \"replace\", \"path\": \"/status\", \"value\": \"active\"}]"), 403);
        assertError(glance.patch("/v2/images/" + id, token, V21, "not json"), 400);
        ApiClient.Response wrongType = glance.patch("/v2/images/" + id, token, "application/json", "[]");
        assertError(wrongType, 415);
        assertThat(wrongType.header("Accept-Patch")).contains(V21);
        assertThat(glance.get("/v2/images/" + id, token).json().get("name").asString()).isEqualTo("p3");
    }

    @Test
    void listPagesWithNextLinksFiltersAndSorts() {
        String token = newProjectMember(unique("lister"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createImage(token, "{\"name\": \"img-" + i + "\", \"disk_format\": \"raw\", \"container_format\": \"bare\"" +
                    (i % 2 == 0 ? ", \"tags\": [\"even\"]" : "") + ", \"os_distro\": \"d" + (i % 2) + "\"}").get("id").asString());
        }
        List<String> seen = new ArrayList<>();
        String next = "/v2/images?limit=2&sort=name:asc";
        int pages = 0;
        while (next != null) {
            JsonNode page = glance.get(next, token).json();
            page.get("images").forEach(i -> seen.add(i.get("name").asString()));
            assertThat(page.get("first").asString()).startsWith("/v2/images");
            assertThat(page.get("schema").asString()).isEqualTo("/v2/schemas/images");
            next = page.has("next") ? page.get("next").asString() : null;
            pages++;
        }
        assertThat(seen).containsExactly("img-0", "img-1", "img-2", "img-3", "img-4");
        assertThat(pages).isEqualTo(3);

        assertThat(names(glance.get("/v2/images?tag=even&sort_key=name&sort_dir=desc", token)))
                .containsExactly("img-4", "img-2", "img-0");
        assertThat(names(glance.get("/v2/images?os_distro=d1", token))).containsExactlyInAnyOrder("img-1", "img-3");
        assertThat(names(glance.get("/v2/images?id=in:" + ids.get(0) + "," + ids.get(1), token)))
                .containsExactlyInAnyOrder("img-0", "img-1");
        assertThat(names(glance.get("/v2/images?name=in:%22img-3%22,img-4", token))).containsExactlyInAnyOrder("img-3", "img-4");
        assertThat(names(glance.get("/v2/images?status=active", token))).isEmpty();
        assertError(glance.get("/v2/images?sort_key=password", token), 400);
        assertError(glance.get("/v2/images?marker=" + java.util.UUID.randomUUID(), token), 400);
        assertError(glance.get("/v2/images?limit=-1", token), 400);
    }

    @Test
    void pagingByANullableKeyNeitherSkipsNorRepeats() {
        String token = newProjectMember(unique("nulls"));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(createImage(token, "{}").get("id").asString()); // no name: null
            created.add(createImage(token, "{\"name\": \"n" + (i % 2) + "\"}").get("id").asString());
        }
        for (String order : List.of("name:asc", "name:desc", "created_at:desc")) {
            List<String> seen = new ArrayList<>();
            String next = "/v2/images?limit=1&sort=" + order;
            while (next != null) {
                JsonNode page = glance.get(next, token).json();
                page.get("images").forEach(i -> seen.add(i.get("id").asString()));
                next = page.has("next") ? page.get("next").asString() : null;
            }
            assertThat(seen).as(order).hasSize(6).containsExactlyInAnyOrderElementsOf(created);
        }
    }

    @Test
    void anotherProjectsPrivateImageDoesNotExistForYou() {
        String owner = newProjectMember(unique("owner"));
        String stranger = demoToken();
        String id = createImage(owner, "{\"name\": \"secret\", \"visibility\": \"private\"}").get("id").asString();
        assertError(glance.get("/v2/images/" + id, stranger), 404);
        assertError(glance.delete("/v2/images/" + id, stranger), 404);
        assertError(glance.patch("/v2/images/" + id, stranger, V21, "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"x\"}]"), 404);
        assertThat(ids(glance.get("/v2/images?visibility=private", stranger))).doesNotContain(id);
        assertThat(glance.get("/v2/images/" + id, owner).status()).isEqualTo(200);
    }

    @Test
    void publicImagesAreForAdminsToPublishAndEveryoneToSee() {
        String demo = demoToken();
        String id = createImage(demo, "{\"name\": \"to-publish\"}").get("id").asString();
        String publish = "[{\"op\": \"add\", \"path\": \"/visibility\", \"value\": \"public\"}]";
        assertError(glance.patch("/v2/images/" + id, demo, V21, publish), 403);
        assertThat(glance.patch("/v2/images/" + id, adminToken(), V21, publish).status()).isEqualTo(200);
        String other = newProjectMember(unique("viewer"));
        assertThat(glance.get("/v2/images/" + id, other).json().get("visibility").asString()).isEqualTo("public");
        assertThat(ids(glance.get("/v2/images", other))).contains(id);
        assertError(glance.delete("/v2/images/" + id, other), 403);
    }

    @Test
    void tagsHiddenProtectedAndDelete() {
        String token = demoToken();
        String id = createImage(token, "{\"name\": \"keep\"}").get("id").asString();
        assertThat(glance.put("/v2/images/" + id + "/tags/nightly", token, null).status()).isEqualTo(204);
        assertThat(glance.get("/v2/images/" + id, token).json().get("tags").toString()).contains("nightly");
        assertThat(glance.delete("/v2/images/" + id + "/tags/nightly", token).status()).isEqualTo(204);
        assertError(glance.delete("/v2/images/" + id + "/tags/nightly", token), 404);

        glance.patch("/v2/images/" + id, token, V20, "[{\"replace\": \"/os_hidden\", \"value\": true}]");
        assertThat(ids(glance.get("/v2/images", token))).doesNotContain(id);
        assertThat(ids(glance.get("/v2/images?os_hidden=true", token))).contains(id);

        glance.patch("/v2/images/" + id, token, V21, "[{\"op\": \"replace\", \"path\": \"/protected\", \"value\": true}]");
        assertError(glance.delete("/v2/images/" + id, token), 403);
        glance.patch("/v2/images/" + id, token, V21, "[{\"op\": \"replace\", \"path\": \"/protected\", \"value\": false}]");
        assertThat(glance.delete("/v2/images/" + id, token).status()).isEqualTo(204);
        assertError(glance.get("/v2/images/" + id, token), 404);
        assertError(glance.delete("/v2/images/" + id, token), 404);
    }

    @Test
    void everyChangeReachesIdentitysAuditLedger() {
        String token = demoToken();
        String id = createImage(token, "{\"name\": \"audited\"}").get("id").asString();
        glance.delete("/v2/images/" + id, token);
        String admin = adminToken();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode events = keystone.get("/v3/audit-events?service=image&target_id=" + id, admin).json()
                    .get("audit_events");
            List<String> actions = new ArrayList<>();
            events.forEach(e -> actions.add(e.get("action").asString()));
            assertThat(actions).contains("POST /v2/images", "DELETE /v2/images/{id}");
        });
    }

    @Test
    void schemasAndImportInfo() {
        String token = demoToken();
        assertThat(glance.get("/v2/schemas/image", token).json().get("name").asString()).isEqualTo("image");
        assertThat(glance.get("/v2/schemas/images", token).json().get("name").asString()).isEqualTo("images");
        assertThat(glance.get("/v2/schemas/member", token).json().get("name").asString()).isEqualTo("member");
        assertThat(glance.get("/v2/schemas/members", token).json().get("name").asString()).isEqualTo("members");
        assertThat(glance.get("/v2/info/import", token).json().get("import-methods").get("value")).isEmpty();
    }

    static void assertError(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.get("code").asString()).startsWith(String.valueOf(status));
        assertThat(body.get("message").asString()).isNotBlank();
    }

    private static List<String> names(ApiClient.Response response) {
        List<String> names = new ArrayList<>();
        response.json().get("images").forEach(i -> names.add(i.get("name").asString()));
        return names;
    }

    static List<String> ids(ApiClient.Response response) {
        List<String> ids = new ArrayList<>();
        response.json().get("images").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
