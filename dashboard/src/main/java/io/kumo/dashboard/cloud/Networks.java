package io.kumo.dashboard.cloud;

import static io.kumo.dashboard.cloud.CloudCalls.given;
import static io.kumo.dashboard.cloud.CloudCalls.segment;
import static io.kumo.dashboard.cloud.CloudCalls.text;
import static io.kumo.dashboard.cloud.CloudCalls.typed;
import static io.kumo.dashboard.cloud.CloudCalls.typedNumber;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * network-service (Neutron v2.0) as a project member uses it: networks with their subnets, the project's ports,
 * security group rules and the project's quotas.
 */
public class Networks {

    private static final String SERVICE = "network";

    private final CloudCalls calls;

    public Networks(CloudCalls calls) {
        this.calls = calls;
    }

    /** Ports, networks and security groups (Neutron's quota details). */
    public List<Quota> quotas(CloudSession session) {
        JsonNode q = calls.get(session, SERVICE, "/v2.0/quotas/" + segment(session.project().id()) + "/details")
                .path("quota");
        List<Quota> quotas = new ArrayList<>();
        for (Map.Entry<String, String> item : Map.of("port", "Ports", "network", "Networks", "security_group",
                "Security groups").entrySet()) {
            JsonNode detail = q.path(item.getKey());
            if (!detail.isMissingNode()) {
                quotas.add(new Quota(item.getValue(), detail.path("used").asLong(), detail.path("limit").asLong(),
                        ""));
            }
        }
        quotas.sort(Comparator.comparing(Quota::name));
        return quotas;
    }

    /** The networks the project can use: its own, shared and external ones, by name. */
    public List<NetworkRow> networks(CloudSession session) {
        Map<String, String> cidrs = new HashMap<>();
        calls.get(session, SERVICE, "/v2.0/subnets").path("subnets").forEach(s -> cidrs.put(text(s, "id"),
                text(s, "name") == null || text(s, "name").isBlank() ? text(s, "cidr") : text(s, "name") + " "
                        + text(s, "cidr")));
        List<NetworkRow> rows = new ArrayList<>();
        for (JsonNode n : calls.get(session, SERVICE, "/v2.0/networks").path("networks")) {
            List<String> subnets = new ArrayList<>();
            n.path("subnets").forEach(id -> subnets.add(cidrs.getOrDefault(id.asString(), id.asString())));
            rows.add(new NetworkRow(text(n, "id"), text(n, "name"), text(n, "status"), n.path("shared").asBoolean(),
                    n.path("router:external").asBoolean(), subnets,
                    session.project().id().equals(text(n, "project_id"))));
        }
        rows.sort(Comparator.comparing(NetworkRow::name, Comparator.nullsFirst(Comparator.naturalOrder())));
        return rows;
    }

    /** The project's ports with the network's name, by network then address. */
    public List<PortRow> ports(CloudSession session, List<NetworkRow> networks) {
        Map<String, String> names = new HashMap<>();
        networks.forEach(n -> names.put(n.id(), n.name()));
        List<PortRow> ports = new ArrayList<>();
        for (JsonNode p : calls.get(session, SERVICE, "/v2.0/ports?project_id=" + segment(session.project().id()))
                .path("ports")) {
            List<String> addresses = new ArrayList<>();
            p.path("fixed_ips").forEach(ip -> addresses.add(text(ip, "ip_address")));
            ports.add(new PortRow(text(p, "id"), text(p, "name"), names.getOrDefault(text(p, "network_id"),
                    text(p, "network_id")), addresses, text(p, "mac_address"), text(p, "status"),
                    text(p, "device_owner"), text(p, "device_id")));
        }
        ports.sort(Comparator.comparing(PortRow::network, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(p -> String.join(",", p.addresses())));
        return ports;
    }

    /** A network with one IPv4 subnet; the network is deleted again when Neutron refuses the subnet. */
    public String create(CloudSession session, String name, String cidr) {
        String id = text(calls.post(session, SERVICE, "/v2.0/networks", Map.of("network", Map.of("name",
                typed(name)))).path("network"), "id");
        try {
            calls.post(session, SERVICE, "/v2.0/subnets", Map.of("subnet", Map.of("network_id", id, "ip_version", 4,
                    "cidr", typed(cidr), "name", typed(name) + "-subnet")));
        } catch (CloudError refused) {
            delete(session, id);
            throw refused;
        }
        return id;
    }

    public void delete(CloudSession session, String id) {
        calls.delete(session, SERVICE, "/v2.0/networks/" + segment(id));
    }

    /** The rules of the project's security groups, group by group. */
    public List<SecurityRule> securityRules(CloudSession session) {
        List<SecurityRule> rules = new ArrayList<>();
        String project = session.project().id();
        for (JsonNode g : calls.get(session, SERVICE, "/v2.0/security-groups?project_id=" + project)
                .path("security_groups")) {
            for (JsonNode r : g.path("security_group_rules")) {
                String remote = text(r, "remote_ip_prefix");
                if (remote == null && text(r, "remote_group_id") != null) {
                    remote = "group " + (text(r, "remote_group_id").equals(text(g, "id")) ? text(g, "name")
                            : text(r, "remote_group_id"));
                }
                rules.add(new SecurityRule(text(r, "id"), text(g, "id"), text(g, "name"), text(r, "direction"),
                        text(r, "ethertype"), text(r, "protocol"), integer(r, "port_range_min"),
                        integer(r, "port_range_max"), remote));
            }
        }
        return rules;
    }

    /** The project's security groups, for the rule form. */
    public List<Choice> securityGroups(CloudSession session) {
        List<Choice> groups = new ArrayList<>();
        calls.get(session, SERVICE, "/v2.0/security-groups?project_id=" + segment(session.project().id()))
                .path("security_groups").forEach(g -> groups.add(new Choice(text(g, "id"), text(g, "name"))));
        return groups;
    }

    /** An ingress rule; blank fields are left out (any), ports are sent as typed so Neutron validates them. */
    public void addRule(CloudSession session, String groupId, String protocol, String port, String remote) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("security_group_id", typed(groupId));
        rule.put("direction", "ingress");
        rule.put("ethertype", "IPv4");
        if (given(protocol)) {
            rule.put("protocol", protocol.strip());
        }
        if (given(port)) {
            String[] range = port.strip().split("\\s*[-:]\\s*", 2);
            rule.put("port_range_min", typedNumber(range[0]));
            rule.put("port_range_max", typedNumber(range.length == 2 ? range[1] : range[0]));
        }
        if (given(remote)) {
            rule.put("remote_ip_prefix", remote.strip());
        }
        calls.post(session, SERVICE, "/v2.0/security-group-rules", Map.of("security_group_rule", rule));
    }

    public void deleteRule(CloudSession session, String id) {
        calls.delete(session, SERVICE, "/v2.0/security-group-rules/" + segment(id));
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asInt() : null;
    }
}
