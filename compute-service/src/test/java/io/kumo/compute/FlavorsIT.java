package io.kumo.compute;

import static io.kumo.compute.NovaShape.Type.ARRAY;
import static io.kumo.compute.NovaShape.Type.BOOLEAN;
import static io.kumo.compute.NovaShape.Type.INTEGER;
import static io.kumo.compute.NovaShape.Type.NUMBER;
import static io.kumo.compute.NovaShape.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FlavorsIT extends ComputeIT {

    /** Tempest's v2_1 flavors.common_flavor_info. */
    static final NovaShape FLAVOR = NovaShape.of("flavor").required("id", STRING).required("name", STRING)
            .required("links", ARRAY).required("ram", INTEGER).required("vcpus", INTEGER)
            .required("swap", INTEGER, STRING).required("disk", INTEGER).required("OS-FLV-DISABLED:disabled", BOOLEAN)
            .required("os-flavor-access:is_public", BOOLEAN).required("rxtx_factor", NUMBER, INTEGER)
            .required("OS-FLV-EXT-DATA:ephemeral", INTEGER);
    static final NovaShape FLAVOR_SUMMARY = NovaShape.of("flavor summary").required("id", STRING)
            .required("name", STRING).required("links", ARRAY);

    @Test
    void discoveryListsV20FirstAndOffersOnlyMicroversion21() {
        JsonNode versions = root.get("/", null).json().get("versions");
        assertThat(versions.get(0).get("id").asString()).isEqualTo("v2.0");
        assertThat(versions.get(1).get("id").asString()).isEqualTo("v2.1");
        assertThat(versions.get(1).get("version").asString()).isEqualTo("2.1");
        assertThat(versions.get(1).get("min_version").asString()).isEqualTo("2.1");

        ApiClient.Response latest = nova.send("GET", "/flavors", demoToken(), null, null,
                new String[] {"OpenStack-API-Version", "compute latest"});
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.header("OpenStack-API-Version")).isEqualTo("compute 2.1");
        assertThat(latest.header("X-OpenStack-Nova-API-Version")).isEqualTo("2.1");
        ApiClient.Response newer = nova.send("GET", "/flavors", demoToken(), null, null,
                new String[] {"X-OpenStack-Nova-API-Version", "2.2"});
        assertNovaError(newer, 406, "notAcceptable");
    }

    @Test
    void theDefaultFlavorsAreThereInNovasShape() {
        JsonNode detail = nova.get("/flavors/detail", demoToken()).json().get("flavors");
        List<String> names = new ArrayList<>();
        detail.forEach(f -> {
            FLAVOR.check(f);
            names.add(f.get("name").asString());
        });
        assertThat(names).contains("m1.tiny", "m1.small", "m1.medium", "m1.large", "m1.xlarge");
        nova.get("/flavors", demoToken()).json().get("flavors").forEach(FLAVOR_SUMMARY::check);

        JsonNode tiny = nova.get("/flavors/m1.tiny", demoToken()).json().get("flavor");
        assertThat(tiny.get("vcpus").asInt()).isEqualTo(1);
        assertThat(tiny.get("ram").asInt()).isEqualTo(512);
        assertThat(tiny.get("disk").asInt()).isEqualTo(1);
        assertThat(tiny.get("swap").asString()).isEmpty();
        assertThat(tiny.get("links").get(0).get("href").asString()).endsWith("/v2.1/flavors/m1.tiny");

        assertNovaError(nova.get("/flavors/no-such-flavor", demoToken()), 404, "itemNotFound");
        assertThat(nova.get("/flavors/detail?minRam=4096", demoToken()).json().get("flavors"))
                .allSatisfy(f -> assertThat(f.get("ram").asInt()).isGreaterThanOrEqualTo(4096));
        JsonNode page = nova.get("/flavors?limit=2&marker=m1.large", demoToken()).json().get("flavors");
        assertThat(page.size()).isLessThanOrEqualTo(2);
        assertThat(page.get(0).get("id").asString()).isGreaterThan("m1.large");
    }

    @Test
    void adminsCreateAndDeleteFlavorsAndMembersCannot() {
        String name = unique("f");
        ApiClient.Response created = nova.post("/flavors", adminToken(), """
                {"flavor": {"name": "%s", "ram": 1024, "vcpus": 2, "disk": 10, "swap": 512,
                 "OS-FLV-EXT-DATA:ephemeral": 5, "rxtx_factor": 2.0}}""".formatted(name));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        JsonNode flavor = created.json().get("flavor");
        FLAVOR.check(flavor);
        assertThat(flavor.get("swap").asInt()).isEqualTo(512);
        String id = flavor.get("id").asString();
        assertThat(id).hasSize(36);

        assertNovaError(nova.post("/flavors", adminToken(), """
                {"flavor": {"name": "%s", "ram": 1024, "vcpus": 2, "disk": 10}}""".formatted(name)), 409,
                "conflictingRequest");
        assertNovaError(nova.post("/flavors", demoToken(), """
                {"flavor": {"name": "%s", "ram": 1024, "vcpus": 2, "disk": 10}}""".formatted(unique("f"))), 403,
                "forbidden");
        assertNovaError(nova.post("/flavors", adminToken(), """
                {"flavor": {"name": "%s", "ram": 0, "vcpus": 2, "disk": 10}}""".formatted(unique("f"))), 400,
                "badRequest");
        assertNovaError(nova.post("/flavors", adminToken(), """
                {"flavor": {"name": "%s", "ram": "lots", "vcpus": 2, "disk": 10}}""".formatted(unique("f"))), 400,
                "badRequest");
        assertNovaError(nova.post("/flavors", adminToken(), "{\"flavour\": {}}"), 400, "badRequest");

        assertThat(nova.delete("/flavors/" + id, adminToken()).status()).isEqualTo(202);
        assertNovaError(nova.get("/flavors/" + id, adminToken()), 404, "itemNotFound");
    }

    @Test
    void aPrivateFlavorIsSeenOnlyByProjectsItIsSharedWith() {
        String id = unique("private");
        ApiClient.Response created = nova.post("/flavors", adminToken(), """
                {"flavor": {"name": "%s", "id": "%s", "ram": 256, "vcpus": 1, "disk": 1,
                 "os-flavor-access:is_public": false}}""".formatted(id, id));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertNovaError(nova.get("/flavors/" + id, demoToken()), 404, "itemNotFound");
        assertThat(ids(nova.get("/flavors/detail", demoToken()))).doesNotContain(id);

        String demoProject = IDENTITY.projectId(demoToken());
        ApiClient.Response shared = nova.post("/flavors/" + id + "/action", adminToken(),
                "{\"addTenantAccess\": {\"tenant\": \"" + demoProject + "\"}}");
        assertThat(shared.status()).as(shared.text()).isEqualTo(200);
        assertThat(shared.json().get("flavor_access").get(0).get("tenant_id").asString()).isEqualTo(demoProject);
        assertThat(nova.get("/flavors/" + id, demoToken()).status()).isEqualTo(200);
        assertThat(ids(nova.get("/flavors/detail", demoToken()))).contains(id);
        assertThat(ids(nova.get("/flavors/detail?is_public=None", adminToken()))).contains(id, "m1.tiny");
        assertNovaError(nova.post("/flavors/" + id + "/action", adminToken(),
                "{\"addTenantAccess\": {\"tenant\": \"" + demoProject + "\"}}"), 409, "conflictingRequest");

        nova.post("/flavors/" + id + "/action", adminToken(),
                "{\"removeTenantAccess\": {\"tenant\": \"" + demoProject + "\"}}");
        assertNovaError(nova.get("/flavors/" + id, demoToken()), 404, "itemNotFound");
    }

    @Test
    void extraSpecsAreSetReadAndRemovedByAdmins() {
        String id = unique("specs");
        nova.post("/flavors", adminToken(), """
                {"flavor": {"name": "%s", "id": "%s", "ram": 256, "vcpus": 1, "disk": 1}}""".formatted(id, id));
        ApiClient.Response set = nova.post("/flavors/" + id + "/os-extra_specs", adminToken(),
                "{\"extra_specs\": {\"kumo:pids_limit\": \"512\", \"hw:cpu_policy\": \"shared\"}}");
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        JsonNode specs = nova.get("/flavors/" + id + "/os-extra_specs", demoToken()).json().get("extra_specs");
        assertThat(specs.get("kumo:pids_limit").asString()).isEqualTo("512");
        assertThat(nova.put("/flavors/" + id + "/os-extra_specs/kumo:pids_limit", adminToken(),
                "{\"kumo:pids_limit\": \"1024\"}").status()).isEqualTo(200);
        assertThat(nova.get("/flavors/" + id + "/os-extra_specs/kumo:pids_limit", demoToken()).json()
                .get("kumo:pids_limit").asString()).isEqualTo("1024");
        assertNovaError(nova.put("/flavors/" + id + "/os-extra_specs/kumo:pids_limit", adminToken(),
                "{\"other\": \"1\"}"), 400, "badRequest");
        assertNovaError(nova.post("/flavors/" + id + "/os-extra_specs", demoToken(),
                "{\"extra_specs\": {\"a\": \"b\"}}"), 403, "forbidden");
        assertThat(nova.delete("/flavors/" + id + "/os-extra_specs/hw:cpu_policy", adminToken()).status())
                .isEqualTo(202);
        assertNovaError(nova.get("/flavors/" + id + "/os-extra_specs/hw:cpu_policy", adminToken()), 404,
                "itemNotFound");
    }

    private static List<String> ids(ApiClient.Response response) {
        List<String> ids = new ArrayList<>();
        response.json().get("flavors").forEach(f -> ids.add(f.get("id").asString()));
        return ids;
    }
}
