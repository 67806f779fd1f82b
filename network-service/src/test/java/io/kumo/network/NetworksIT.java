package io.kumo.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Networks and subnets through Neutron's API: segments, provider attributes, validation, visibility. */
class NetworksIT extends NetworkIT {

    @Test
    void discoveryAndExtensionsAnswerAsNeutron() {
        JsonNode versions = neutron.get("/", null).json().get("versions");
        assertThat(versions.get(0).get("id").asString()).isEqualTo("v2.0");
        JsonNode extensions = neutron.get("/v2.0/extensions", demoToken()).json().get("extensions");
        assertThat(extensions.toString()).contains("\"alias\":\"provider\"", "\"alias\":\"net-mtu\"");
    }

    @Test
    void aTenantNetworkGetsItsOwnVniAndAdminsSeeIt() {
        String demo = demoToken();
        JsonNode net = create(demo, "networks", "network", "{\"name\": \"net1\", \"admin_state_up\": true}");
        assertThat(net.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(net.get("mtu").asInt()).isEqualTo(1450);
        assertThat(net.get("subnets")).isEmpty();
        assertThat(net.has("provider:network_type")).isFalse();
        JsonNode asAdmin = neutron.get("/v2.0/networks/" + net.get("id").asString(), adminToken()).json().get("network");
        assertThat(asAdmin.get("provider:network_type").asString()).isEqualTo("vxlan");
        assertThat(asAdmin.get("provider:segmentation_id").asLong()).isBetween(100L, 199L);
    }

    @Test
    void providerNetworksAreForAdminsAndASegmentIsNeverGivenTwice() {
        String admin = adminToken();
        String body = "{\"name\": \"prod-vlan120\", \"provider:network_type\": \"vlan\", "
                + "\"provider:physical_network\": \"physnet1\", \"provider:segmentation_id\": 120, \"shared\": true}";
        assertNeutronError(neutron.post("/v2.0/networks", demoToken(), "{\"network\": " + body + "}"), 403, null);
        JsonNode vlan = create(admin, "networks", "network", body);
        assertThat(vlan.get("provider:segmentation_id").asLong()).isEqualTo(120);
        assertThat(vlan.get("shared").asBoolean()).isTrue();
        assertNeutronError(neutron.post("/v2.0/networks", admin, "{\"network\": " + body + "}"), 409, "VlanIdInUse");
        assertNeutronError(neutron.post("/v2.0/networks", admin, "{\"network\": {\"provider:network_type\": \"vlan\", "
                + "\"provider:physical_network\": \"physnet1\", \"provider:segmentation_id\": 5000}}"), 400, "InvalidInput");
        assertNeutronError(neutron.post("/v2.0/networks", admin, "{\"network\": {\"provider:network_type\": \"vxlan\", "
                + "\"provider:segmentation_id\": 16777216}}"), 400, "InvalidInput");
        // a shared network is visible to every project
        assertThat(neutron.get("/v2.0/networks/" + vlan.get("id").asString(), demoToken()).status()).isEqualTo(200);
    }

    @Test
    void subnetsAreValidatedAndNeverOverlapOnANetwork() {
        String demo = demoToken();
        String net = create(demo, "networks", "network", "{\"name\": \"" + unique("n") + "\"}").get("id").asString();
        JsonNode sub = create(demo, "subnets", "subnet", "{\"network_id\": \"" + net + "\", \"ip_version\": 4, "
                + "\"cidr\": \"10.10.0.0/24\", \"dns_nameservers\": [\"10.10.0.2\"], \"name\": \"sub1\"}");
        assertThat(sub.get("gateway_ip").asString()).isEqualTo("10.10.0.1");
        assertThat(sub.get("allocation_pools").get(0).get("start").asString()).isEqualTo("10.10.0.2");
        assertThat(sub.get("dns_nameservers").get(0).asString()).isEqualTo("10.10.0.2");
        assertThat(neutron.get("/v2.0/networks/" + net, demo).json().get("network").get("subnets").get(0).asString())
                .isEqualTo(sub.get("id").asString());

        String base = "{\"subnet\": {\"network_id\": \"" + net + "\", \"ip_version\": 4, ";
        assertNeutronError(neutron.post("/v2.0/subnets", demo, base + "\"cidr\": \"10.10.0.128/25\"}}"), 400, "InvalidInput");
        assertNeutronError(neutron.post("/v2.0/subnets", demo, base + "\"cidr\": \"10.11.0.0/33\"}}"), 400, "InvalidInput");
        assertNeutronError(neutron.post("/v2.0/subnets", demo, base + "\"cidr\": \"10.11.0.0/24\", "
                + "\"gateway_ip\": \"10.12.0.1\"}}"), 400, "InvalidInput");
        assertNeutronError(neutron.post("/v2.0/subnets", demo, base + "\"cidr\": \"10.11.0.0/24\", \"allocation_pools\": "
                + "[{\"start\": \"10.11.0.10\", \"end\": \"10.11.0.50\"}, {\"start\": \"10.11.0.40\", \"end\": \"10.11.0.60\"}]}}"),
                409, "OverlappingAllocationPools");
        assertNeutronError(neutron.post("/v2.0/subnets", demo, "{\"subnet\": {\"network_id\": \"nope\", \"ip_version\": 4, "
                + "\"cidr\": \"10.20.0.0/24\"}}"), 404, "NetworkNotFound");
        assertNeutronError(neutron.post("/v2.0/subnets", demo, "{\"subnet\": "), 400, null);
    }

    @Test
    void anotherProjectsNetworkDoesNotExistForYou() {
        String owner = newProjectMember(unique("netowner"));
        String net = create(owner, "networks", "network", "{\"name\": \"private\"}").get("id").asString();
        String stranger = demoToken();
        assertNeutronError(neutron.get("/v2.0/networks/" + net, stranger), 404, "NetworkNotFound");
        assertNeutronError(neutron.delete("/v2.0/networks/" + net, stranger), 404, "NetworkNotFound");
        assertThat(neutron.get("/v2.0/networks", stranger).text()).doesNotContain(net);
        assertNeutronError(neutron.post("/v2.0/ports", stranger, "{\"port\": {\"network_id\": \"" + net + "\"}}"),
                404, "NetworkNotFound");
    }

    @Test
    void listsPageByMarkerWithNextLinksInTheOrderAsked() {
        String token = newProjectMember(unique("pages"));
        for (String name : new String[] {"c", "a", "e", "b", "d"}) {
            create(token, "networks", "network", "{\"name\": \"" + name + "\"}");
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        String next = "/v2.0/networks?shared=false&limit=2&sort_key=name&sort_dir=desc";
        int pages = 0;
        while (next != null) {
            JsonNode body = neutron.get(next, token).json();
            body.get("networks").forEach(n -> seen.add(n.get("name").asString()));
            JsonNode links = body.get("networks_links");
            next = links == null ? null : links.get(0).get("href").asString().replaceFirst("^http://[^/]+", "");
            pages++;
        }
        assertThat(seen).containsExactly("e", "d", "c", "b", "a");
        assertThat(pages).isEqualTo(3);
        assertNeutronError(neutron.get("/v2.0/networks?marker=" + java.util.UUID.randomUUID(), token), 400, "InvalidInput");
        assertNeutronError(neutron.get("/v2.0/networks?sort_key=secret", token), 400, "InvalidInput");
        assertNeutronError(neutron.get("/v2.0/ports?limit=-1", token), 400, "InvalidInput");
    }

    @Test
    void tagsAreSetReplacedRemovedAndFilteredOn() {
        String token = newProjectMember(unique("tags"));
        String a = create(token, "networks", "network", "{\"name\": \"a\"}").get("id").asString();
        String b = create(token, "networks", "network", "{\"name\": \"b\"}").get("id").asString();
        assertThat(neutron.put("/v2.0/networks/" + a + "/tags", token, "{\"tags\": [\"red\", \"blue_1\"]}").status())
                .isEqualTo(200);
        assertThat(neutron.put("/v2.0/networks/" + b + "/tags/red", token, null).status()).isEqualTo(201);
        assertThat(neutron.get("/v2.0/networks/" + a, token).json().get("network").get("tags").toString())
                .contains("red", "blue_1");
        assertThat(neutron.get("/v2.0/networks?shared=false&tags=red", token).json().get("networks")).hasSize(2);
        assertThat(neutron.get("/v2.0/networks?shared=false&tags=red,blue_1", token).json().get("networks")).hasSize(1);
        assertThat(neutron.get("/v2.0/networks?shared=false&tags=blue%25", token).json().get("networks")).isEmpty();
        assertThat(neutron.get("/v2.0/networks?shared=false&not-tags-any=blue_1", token).json().get("networks").get(0)
                .get("id").asString()).isEqualTo(b);
        assertThat(neutron.get("/v2.0/networks/" + b + "/tags/red", token).status()).isEqualTo(204);
        assertThat(neutron.delete("/v2.0/networks/" + b + "/tags/red", token).status()).isEqualTo(204);
        assertNeutronError(neutron.delete("/v2.0/networks/" + b + "/tags/red", token), 404, "TagNotFound");
        assertNeutronError(neutron.put("/v2.0/networks/" + a + "/tags/bad,tag", token, null), 400, "InvalidInput");
        assertNeutronError(neutron.put("/v2.0/networks/" + a + "/tags/x", demoToken(), null), 404, "NetworkNotFound");
    }

    @Test
    void listsFilterOnAttributesAndReturnOnlyTheFieldsAsked() {
        String demo = newProjectMember(unique("filter"));
        create(demo, "networks", "network", "{\"name\": \"alpha\"}");
        create(demo, "networks", "network", "{\"name\": \"beta\", \"admin_state_up\": false}");
        ApiClient.Response byName = neutron.get("/v2.0/networks?name=alpha&fields=id&fields=name", demo);
        JsonNode found = byName.json().get("networks");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).size()).isEqualTo(2);
        assertThat(neutron.get("/v2.0/networks?admin_state_up=false", demo).json().get("networks")).hasSize(1);
        assertNeutronError(neutron.get("/v2.0/networks?admin_state_up=maybe", demo), 400, "InvalidInput");
    }
}
