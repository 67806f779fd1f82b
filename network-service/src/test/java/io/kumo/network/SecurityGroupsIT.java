package io.kumo.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Security groups: the default group and its rules, rule validation, ports and groups. */
class SecurityGroupsIT extends NetworkIT {

    @Test
    void eachProjectGetsOneDefaultGroupWithNeutronsFourRules() {
        String token = newProjectMember(unique("sg"));
        JsonNode first = neutron.get("/v2.0/security-groups", token).json().get("security_groups");
        JsonNode again = neutron.get("/v2.0/security-groups?name=default", token).json().get("security_groups");
        assertThat(first).hasSize(1);
        assertThat(again).hasSize(1);
        JsonNode group = first.get(0);
        assertThat(group.get("name").asString()).isEqualTo("default");
        assertThat(group.get("id").asString()).isEqualTo(again.get(0).get("id").asString());
        List<String> rules = new ArrayList<>();
        group.get("security_group_rules").forEach(r -> rules.add(r.get("direction").asString() + " "
                + r.get("ethertype").asString() + " " + (r.get("remote_group_id").isNull() ? "any" : "group")));
        assertThat(rules).containsExactlyInAnyOrder("ingress IPv4 group", "egress IPv4 any", "ingress IPv6 group",
                "egress IPv6 any");
        assertNeutronError(neutron.post("/v2.0/security-groups", token, "{\"security_group\": {\"name\": \"default\"}}"),
                409, "SecurityGroupDefaultAlreadyExists");
    }

    @Test
    void groupsAndRulesPageByMarkerWithNextLinks() {
        String token = newProjectMember(unique("sgpages"));
        for (String name : new String[] {"g3", "g1", "g4", "g2"}) {
            create(token, "security-groups", "security_group", "{\"name\": \"" + name + "\"}");
        }
        List<String> groups = new ArrayList<>();
        int pages = walk("/v2.0/security-groups?limit=2&sort_key=name", "security_groups", token,
                g -> groups.add(g.get("name").asString()));
        assertThat(groups).containsExactly("default", "g1", "g2", "g3", "g4");
        assertThat(pages).isEqualTo(3);

        List<String> rules = new ArrayList<>();
        walk("/v2.0/security-group-rules?limit=5", "security_group_rules", token, r -> rules.add(r.get("id").asString()));
        assertThat(rules).as("4 rules of the default group, 2 of each other group, each once").hasSize(12)
                .doesNotHaveDuplicates();
        assertNeutronError(neutron.get("/v2.0/security-groups?marker=" + java.util.UUID.randomUUID(), token), 400,
                "InvalidInput");
        assertNeutronError(neutron.get("/v2.0/security-group-rules?sort_key=secret", token), 400, "InvalidInput");
    }

    /** Follows the next links from {@code first}; the number of pages. */
    private static int walk(String first, String collection, String token, java.util.function.Consumer<JsonNode> each) {
        String next = first;
        int pages = 0;
        while (next != null) {
            JsonNode body = neutron.get(next, token).json();
            body.get(collection).forEach(each);
            JsonNode links = body.get(collection + "_links");
            next = links == null ? null : links.get(0).get("href").asString().replaceFirst("^http://[^/]+", "");
            pages++;
        }
        return pages;
    }

    @Test
    void groupsAreTaggedAndFilteredOnTheirTags() {
        String token = newProjectMember(unique("sgtags"));
        String web = create(token, "security-groups", "security_group", "{\"name\": \"web\"}").get("id").asString();
        create(token, "security-groups", "security_group", "{\"name\": \"db\"}");
        assertThat(neutron.put("/v2.0/security-groups/" + web + "/tags", token, "{\"tags\": [\"prod\", \"web\"]}")
                .status()).isEqualTo(200);
        assertThat(neutron.put("/v2.0/security-groups/" + web + "/tags/edge", token, null).status()).isEqualTo(201);
        assertThat(neutron.delete("/v2.0/security-groups/" + web + "/tags/web", token).status()).isEqualTo(204);

        JsonNode shown = neutron.get("/v2.0/security-groups/" + web, token).json().get("security_group");
        assertThat(shown.get("tags").toString()).isEqualTo("[\"edge\",\"prod\"]");
        assertThat(shown.get("revision_number").asLong()).as("each tag change is a revision").isGreaterThan(3);
        assertThat(neutron.get("/v2.0/security-groups?tags=prod", token).json().get("security_groups")
                .findValues("name")).extracting(JsonNode::asString).containsExactly("web");
        assertThat(neutron.get("/v2.0/security-groups?not-tags=prod", token).json().get("security_groups")
                .findValues("name")).extracting(JsonNode::asString).containsExactlyInAnyOrder("default", "db");
        assertNeutronError(neutron.get("/v2.0/security-groups/" + web + "/tags/web", token), 404, "TagNotFound");
        assertNeutronError(neutron.put("/v2.0/security-groups/" + web + "/tags/a,b", token, null), 400, "InvalidInput");
        assertNeutronError(neutron.put("/v2.0/security-groups/" + web + "/tags/x", newProjectMember(unique("other")),
                null), 404, "SecurityGroupNotFound");
    }

    @Test
    void rulesAreValidatedAndExistOnce() {
        String token = newProjectMember(unique("rules"));
        String group = create(token, "security-groups", "security_group", "{\"name\": \"web\"}").get("id").asString();
        String ssh = "{\"security_group_rule\": {\"security_group_id\": \"" + group + "\", \"direction\": \"ingress\", "
                + "\"ethertype\": \"IPv4\", \"protocol\": \"tcp\", \"port_range_min\": 22, \"port_range_max\": 22, "
                + "\"remote_ip_prefix\": \"0.0.0.0/0\"}}";
        ApiClient.Response created = neutron.post("/v2.0/security-group-rules", token, ssh);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("security_group_rule").get("port_range_min").asInt()).isEqualTo(22);
        assertNeutronError(neutron.post("/v2.0/security-group-rules", token, ssh), 409, "SecurityGroupRuleExists");

        String base = "{\"security_group_rule\": {\"security_group_id\": \"" + group + "\", \"direction\": \"ingress\", ";
        assertNeutronError(neutron.post("/v2.0/security-group-rules", token, base + "\"protocol\": \"carrier-pigeon\"}}"),
                400, "SecurityGroupRuleInvalidProtocol");
        assertNeutronError(neutron.post("/v2.0/security-group-rules", token, base
                + "\"protocol\": \"tcp\", \"port_range_min\": 90, \"port_range_max\": 80}}"), 400, "SecurityGroupInvalidPortRange");
        assertNeutronError(neutron.post("/v2.0/security-group-rules", token, base
                + "\"protocol\": \"tcp\", \"port_range_min\": 0, \"port_range_max\": 80}}"), 400, "SecurityGroupInvalidPortValue");
        assertNeutronError(neutron.post("/v2.0/security-group-rules", token, base
                + "\"ethertype\": \"IPv6\", \"remote_ip_prefix\": \"10.0.0.0/8\"}}"), 400, "SecurityGroupRuleParameterConflict");
        assertNeutronError(neutron.post("/v2.0/security-group-rules", token, base
                + "\"port_range_min\": 22}}"), 400, "SecurityGroupProtocolRequiredWithPorts");
        assertNeutronError(neutron.post("/v2.0/security-group-rules", token, "{\"security_group_rule\": "
                + "{\"security_group_id\": \"nope\", \"direction\": \"ingress\"}}"), 404, "SecurityGroupNotFound");
        assertNeutronError(neutron.post("/v2.0/security-group-rules", demoToken(), ssh.replace("\"22\"", "\"23\"")
                .replace("22, \"port_range_max\": 22", "23, \"port_range_max\": 23")), 404, "SecurityGroupNotFound");
    }

    @Test
    void portsGetTheDefaultGroupOrTheOnesAskedAndGroupsInUseStay() {
        String token = newProjectMember(unique("portsg"));
        String net = create(token, "networks", "network", "{\"name\": \"n\"}").get("id").asString();
        create(token, "subnets", "subnet", "{\"network_id\": \"" + net + "\", \"ip_version\": 4, \"cidr\": \"10.30.0.0/24\"}");
        String defaultGroup = neutron.get("/v2.0/security-groups?name=default", token).json().get("security_groups")
                .get(0).get("id").asString();
        JsonNode plain = create(token, "ports", "port", "{\"network_id\": \"" + net + "\"}");
        assertThat(plain.get("security_groups").get(0).asString()).isEqualTo(defaultGroup);
        String web = create(token, "security-groups", "security_group", "{\"name\": \"web\"}").get("id").asString();
        JsonNode custom = create(token, "ports", "port", "{\"network_id\": \"" + net + "\", \"security_groups\": [\"" + web + "\"]}");
        assertThat(custom.get("security_groups")).hasSize(1);
        assertThat(custom.get("security_groups").get(0).asString()).isEqualTo(web);
        JsonNode open = create(token, "ports", "port", "{\"network_id\": \"" + net + "\", \"port_security_enabled\": false}");
        assertThat(open.get("security_groups")).isEmpty();
        assertNeutronError(neutron.delete("/v2.0/security-groups/" + web, token), 409, "SecurityGroupInUse");
        assertNeutronError(neutron.delete("/v2.0/security-groups/" + defaultGroup, token), 409, null);
        assertNeutronError(neutron.post("/v2.0/ports", token, "{\"port\": {\"network_id\": \"" + net
                + "\", \"security_groups\": [\"not-a-group\"]}}"), 404, "SecurityGroupNotFound");
    }
}
