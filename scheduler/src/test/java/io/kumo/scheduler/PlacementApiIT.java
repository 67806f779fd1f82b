package io.kumo.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Placement API in Placement's shapes: generations, capacity, traits, aggregates, errors. */
class PlacementApiIT extends SchedulerIT {

    private static final String[] LATEST = {"OpenStack-API-Version", "placement 1.36"};

    private ApiClient.Response call(String method, String path, String token, String json) {
        return placement.send(method, path, token, json == null ? null : "application/json",
                json == null ? null : json.getBytes(), LATEST);
    }

    private String provider(String token, String name) {
        ApiClient.Response created = call("POST", "/resource_providers", token, "{\"name\": \"" + name + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("uuid").asString();
    }

    @Test
    void versionDocumentIsPublicAndMicroversionsAreNegotiated() {
        JsonNode versions = placement.get("/", null).json().get("versions").get(0);
        assertThat(versions.get("id").asString()).isEqualTo("v1.0");
        assertThat(versions.get("max_version").asString()).isEqualTo("1.36");
        assertThat(versions.get("min_version").asString()).isEqualTo("1.0");

        ApiClient.Response latest = call("GET", "/resource_providers", adminToken(), null);
        assertThat(latest.header("OpenStack-API-Version")).isEqualTo("placement 1.36");
        ApiClient.Response tooNew = placement.send("GET", "/resource_providers", adminToken(), null, null,
                new String[] {"OpenStack-API-Version", "placement 1.99"});
        assertPlacementError(tooNew, 406, null);
    }

    @Test
    void onlyAdminsAndServicesMayUsePlacement() {
        assertPlacementError(call("GET", "/resource_providers", null, null), 401, null);
        assertPlacementError(call("GET", "/resource_providers", IDENTITY.demoToken(), null), 403, null);
        String service = IDENTITY.token("kumo-compute", io.kumo.common.test.IdentityProcess.SERVICE_PASSWORD, "service");
        assertThat(call("GET", "/resource_providers", service, null).status()).isEqualTo(200);
    }

    @Test
    void providersInventoriesAndGenerations() {
        String admin = adminToken();
        String name = unique("rp");
        String uuid = provider(admin, name);
        JsonNode shown = call("GET", "/resource_providers/" + uuid, admin, null).json();
        assertThat(shown.get("generation").asInt()).isZero();
        assertThat(shown.get("root_provider_uuid").asString()).isEqualTo(uuid);
        assertThat(shown.get("parent_provider_uuid").isNull()).isTrue();
        assertPlacementError(call("POST", "/resource_providers", admin, "{\"name\": \"" + name + "\"}"), 409,
                "placement.duplicate_name");

        ApiClient.Response put = call("PUT", "/resource_providers/" + uuid + "/inventories", admin, """
                {"resource_provider_generation": 0, "inventories": {
                  "VCPU": {"total": 8, "allocation_ratio": 4.0},
                  "MEMORY_MB": {"total": 4096, "reserved": 512, "max_unit": 4096}}}""");
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.json().get("resource_provider_generation").asInt()).isEqualTo(1);
        JsonNode vcpu = put.json().get("inventories").get("VCPU");
        assertThat(vcpu.get("total").asInt()).isEqualTo(8);
        assertThat(vcpu.get("reserved").asInt()).isZero();
        assertThat(vcpu.get("min_unit").asInt()).isEqualTo(1);
        assertThat(vcpu.get("max_unit").asInt()).isEqualTo(2147483647);
        assertThat(vcpu.get("step_size").asInt()).isEqualTo(1);
        assertThat(vcpu.get("allocation_ratio").asDouble()).isEqualTo(4.0);

        assertPlacementError(call("PUT", "/resource_providers/" + uuid + "/inventories", admin, """
                {"resource_provider_generation": 0, "inventories": {"VCPU": {"total": 16}}}"""), 409,
                "placement.concurrent_update");
        assertPlacementError(call("PUT", "/resource_providers/" + uuid + "/inventories", admin, """
                {"resource_provider_generation": 1, "inventories": {"CUSTOM_NOPE": {"total": 1}}}"""), 400, null);
        assertPlacementError(call("PUT", "/resource_providers/" + uuid + "/inventories", admin, """
                {"resource_provider_generation": 1, "inventories": {"VCPU": {"total": -4}}}"""), 400, null);
        assertPlacementError(call("PUT", "/resource_providers/" + uuid + "/inventories", admin, """
                {"resource_provider_generation": 1, "inventories": {"VCPU": {"total": "many"}}}"""), 400, null);
        assertPlacementError(call("GET", "/resource_providers/" + UUID.randomUUID(), admin, null), 404,
                "placement.resource_provider.not_found");
    }

    @Test
    void allocationsRespectCapacityAndBothGenerations() {
        String admin = adminToken();
        String uuid = provider(admin, unique("alloc"));
        call("PUT", "/resource_providers/" + uuid + "/inventories", admin, """
                {"resource_provider_generation": 0, "inventories": {"VCPU": {"total": 2, "allocation_ratio": 2.0},
                  "MEMORY_MB": {"total": 2048}}}""");
        String consumer = UUID.randomUUID().toString();
        String body = """
                {"allocations": {"%s": {"resources": {"VCPU": 3, "MEMORY_MB": 1024}}},
                 "project_id": "p1", "user_id": "u1", "consumer_generation": %s}""";

        ApiClient.Response first = call("PUT", "/allocations/" + consumer, admin, body.formatted(uuid, "null"));
        assertThat(first.status()).as(first.text()).isEqualTo(204);
        JsonNode held = call("GET", "/allocations/" + consumer, admin, null).json();
        assertThat(held.get("consumer_generation").asInt()).isZero();
        assertThat(held.get("project_id").asString()).isEqualTo("p1");
        assertThat(held.get("allocations").get(uuid).get("resources").get("VCPU").asInt()).isEqualTo(3);
        assertThat(held.get("allocations").get(uuid).get("generation").asInt()).isEqualTo(2);

        assertPlacementError(call("PUT", "/allocations/" + consumer, admin, body.formatted(uuid, "null")), 409,
                "placement.concurrent_update");
        String other = UUID.randomUUID().toString();
        assertPlacementError(call("PUT", "/allocations/" + other, admin, """
                {"allocations": {"%s": {"resources": {"VCPU": 2}}}, "project_id": "p1", "user_id": "u1",
                 "consumer_generation": null}""".formatted(uuid)), 409, null);
        assertThat(call("PUT", "/allocations/" + other, admin, """
                {"allocations": {"%s": {"resources": {"VCPU": 1}}}, "project_id": "p1", "user_id": "u2",
                 "consumer_generation": null}""".formatted(uuid)).status()).isEqualTo(204);

        JsonNode usages = call("GET", "/resource_providers/" + uuid + "/usages", admin, null).json();
        assertThat(usages.get("usages").get("VCPU").asInt()).isEqualTo(4);
        assertThat(call("GET", "/usages?project_id=p1", admin, null).json().get("usages").get("MEMORY_MB").asInt())
                .isEqualTo(1024);
        assertThat(call("GET", "/usages?project_id=p1&user_id=u2", admin, null).json().get("usages").get("VCPU")
                .asInt()).isEqualTo(1);
        JsonNode onProvider = call("GET", "/resource_providers/" + uuid + "/allocations", admin, null).json();
        assertThat(onProvider.get("allocations").propertyNames()).containsExactlyInAnyOrder(consumer, other);

        int generation = call("GET", "/resource_providers/" + uuid + "/inventories", admin, null).json()
                .get("resource_provider_generation").asInt();
        assertPlacementError(call("PUT", "/resource_providers/" + uuid + "/inventories", admin, """
                {"resource_provider_generation": %d, "inventories": {"VCPU": {"total": 1},
                  "MEMORY_MB": {"total": 2048}}}""".formatted(generation)), 409, "placement.inventory.inuse");
        assertPlacementError(call("DELETE", "/resource_providers/" + uuid, admin, null), 409,
                "placement.resource_provider.inuse");

        assertThat(call("DELETE", "/allocations/" + consumer, admin, null).status()).isEqualTo(204);
        assertPlacementError(call("DELETE", "/allocations/" + consumer, admin, null), 404, null);
        assertThat(call("GET", "/allocations/" + consumer, admin, null).json().get("allocations").isEmpty()).isTrue();
    }

    @Test
    void traitsAggregatesAndAllocationCandidates() {
        String admin = adminToken();
        assertThat(call("PUT", "/traits/CUSTOM_GOLD", admin, null).status()).isEqualTo(201);
        assertThat(call("PUT", "/traits/CUSTOM_GOLD", admin, null).status()).isEqualTo(204);
        assertPlacementError(call("PUT", "/traits/gold", admin, null), 400, null);
        assertPlacementError(call("DELETE", "/traits/COMPUTE_KVM", admin, null), 400, null);
        assertThat(call("GET", "/traits?name=startswith:CUSTOM_", admin, null).json().get("traits").toString())
                .contains("CUSTOM_GOLD");

        String gold = provider(admin, unique("gold"));
        String plain = provider(admin, unique("plain"));
        for (String uuid : new String[] {gold, plain}) {
            call("PUT", "/resource_providers/" + uuid + "/inventories", admin, """
                    {"resource_provider_generation": 0, "inventories": {"VCPU": {"total": 4},
                      "MEMORY_MB": {"total": 8192}}}""");
        }
        ApiClient.Response traits = call("PUT", "/resource_providers/" + gold + "/traits", admin, """
                {"resource_provider_generation": 1, "traits": ["CUSTOM_GOLD", "COMPUTE_QEMU"]}""");
        assertThat(traits.status()).as(traits.text()).isEqualTo(200);
        assertThat(traits.json().get("resource_provider_generation").asInt()).isEqualTo(2);
        assertPlacementError(call("PUT", "/resource_providers/" + gold + "/traits", admin, """
                {"resource_provider_generation": 2, "traits": ["CUSTOM_UNKNOWN"]}"""), 400, null);
        assertPlacementError(call("DELETE", "/traits/CUSTOM_GOLD", admin, null), 409, null);

        String aggregate = UUID.randomUUID().toString();
        ApiClient.Response aggregates = call("PUT", "/resource_providers/" + plain + "/aggregates", admin, """
                {"resource_provider_generation": 1, "aggregates": ["%s"]}""".formatted(aggregate));
        assertThat(aggregates.status()).as(aggregates.text()).isEqualTo(200);
        assertThat(aggregates.json().get("aggregates").get(0).asString()).isEqualTo(aggregate);

        JsonNode goldOnly = call("GET", "/allocation_candidates?resources=VCPU:2,MEMORY_MB:1024&required=CUSTOM_GOLD",
                admin, null).json();
        assertThat(goldOnly.get("allocation_requests")).hasSize(1);
        JsonNode request = goldOnly.get("allocation_requests").get(0);
        assertThat(request.get("allocations").get(gold).get("resources").get("VCPU").asInt()).isEqualTo(2);
        assertThat(request.get("mappings").get("").get(0).asString()).isEqualTo(gold);
        JsonNode summary = goldOnly.get("provider_summaries").get(gold);
        assertThat(summary.get("resources").get("VCPU").get("capacity").asInt()).isEqualTo(4);
        assertThat(summary.get("traits").toString()).contains("CUSTOM_GOLD");

        JsonNode inAggregate = call("GET", "/allocation_candidates?resources=VCPU:1&member_of=in:" + aggregate, admin,
                null).json();
        assertThat(inAggregate.get("provider_summaries").propertyNames()).containsExactly(plain);
        JsonNode notGold = call("GET", "/allocation_candidates?resources=VCPU:1&required=!CUSTOM_GOLD&limit=1000",
                admin, null).json();
        assertThat(notGold.get("provider_summaries").propertyNames()).contains(plain).doesNotContain(gold);
        JsonNode tooBig = call("GET", "/allocation_candidates?resources=VCPU:5", admin, null).json();
        assertThat(tooBig.get("provider_summaries").propertyNames()).doesNotContain(gold, plain);

        assertPlacementError(call("GET", "/allocation_candidates?resources=CUSTOM_MAGIC:1", admin, null), 400, null);
        assertPlacementError(call("GET", "/allocation_candidates?resources=VCPU:-1", admin, null), 400, null);
        assertPlacementError(call("GET", "/allocation_candidates?resources=VCPU:1&required=CUSTOM_NONE", admin, null),
                400, null);
        assertThat(call("GET", "/resource_providers?required=CUSTOM_GOLD", admin, null).json()
                .get("resource_providers")).hasSize(1);
    }

    @Test
    void customResourceClasses() {
        String admin = adminToken();
        assertThat(call("PUT", "/resource_classes/CUSTOM_FPGA_X", admin, null).status()).isEqualTo(201);
        assertThat(call("GET", "/resource_classes/CUSTOM_FPGA_X", admin, null).json().get("name").asString())
                .isEqualTo("CUSTOM_FPGA_X");
        assertPlacementError(call("PUT", "/resource_classes/FPGA_X", admin, null), 400, null);
        assertPlacementError(call("DELETE", "/resource_classes/VCPU", admin, null), 400, null);
        assertThat(call("DELETE", "/resource_classes/CUSTOM_FPGA_X", admin, null).status()).isEqualTo(204);
        assertPlacementError(call("GET", "/resource_classes/CUSTOM_FPGA_X", admin, null), 404, null);
    }
}
