package io.kumo.agent.network;

import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.contract.host.BuildServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A port's filter from network-service (Neutron v2.0), read with the agent's service user: the port's
 * security groups, port security and addresses, its groups' ingress rules, and for a rule naming a remote
 * group the addresses of the ports on the same network in that group (the only ones a bridge can bring).
 */
public final class NetworkServiceSecurityGroups implements SecurityGroupSource {

    private final ResilientRestClient neutron;

    /** @param neutron network-service, called with the agent's service token */
    public NetworkServiceSecurityGroups(ResilientRestClient neutron) {
        this.neutron = neutron;
    }

    @Override
    public PortFilter filterFor(BuildServer.PortSpec spec, String tap) {
        JsonNode port = get("/v2.0/ports/" + spec.portId()).get("port");
        List<String> addresses = new ArrayList<>();
        port.path("fixed_ips").forEach(ip -> addresses.add(ip.path("ip_address").asString()));
        String mac = port.path("mac_address").asString(spec.macAddress());
        if (!port.path("port_security_enabled").asBoolean(true)) {
            return PortFilter.open(spec.portId(), spec.networkId(), tap, mac, addresses);
        }
        List<PortFilter.Rule> ingress = new ArrayList<>();
        Map<String, List<String>> groupMembers = new HashMap<>();
        Set<String> groups = new LinkedHashSet<>();
        for (JsonNode group : port.path("security_groups")) {
            groups.add(group.asString());
            JsonNode rules = get("/v2.0/security-group-rules?security_group_id=" + encode(group.asString()))
                    .path("security_group_rules");
            for (JsonNode rule : rules) {
                if (!"ingress".equals(rule.path("direction").asString())) {
                    continue;
                }
                String prefix = text(rule, "remote_ip_prefix");
                String remoteGroup = text(rule, "remote_group_id");
                List<String> remotes = prefix != null ? List.of(prefix) : remoteGroup != null
                        ? groupMembers.computeIfAbsent(remoteGroup, g -> members(g, spec.networkId())) : List.of();
                ingress.add(new PortFilter.Rule(rule.path("ethertype").asString("IPv4"), text(rule, "protocol"),
                        integer(rule, "port_range_min"), integer(rule, "port_range_max"), remotes,
                        prefix == null && remoteGroup == null));
            }
        }
        return new PortFilter(spec.portId(), spec.networkId(), tap, mac, addresses, true, groups,
                groupMembers.keySet(), ingress);
    }

    /** The addresses of the network's ports in the group. */
    private List<String> members(String group, String networkId) {
        Set<String> addresses = new LinkedHashSet<>();
        for (JsonNode port : get("/v2.0/ports?fields=security_groups&fields=fixed_ips&network_id="
                + encode(networkId)).path("ports")) {
            boolean member = false;
            for (JsonNode g : port.path("security_groups")) {
                member |= g.asString().equals(group);
            }
            if (member) {
                port.path("fixed_ips").forEach(ip -> addresses.add(ip.path("ip_address").asString()));
            }
        }
        return List.copyOf(addresses);
    }

    private JsonNode get(String path) {
        return neutron.get(path, JsonNode.class);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
