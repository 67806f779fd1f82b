package io.kumo.compute.client;

import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.error.ApiException;
import io.kumo.compute.domain.ServerPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;

/**
 * network-service (Neutron v2.0). A server's ports are created with the user's token (the user's
 * project, network visibility and port quota), then bound to the chosen host and finally deleted with
 * compute's service token, as Nova does.
 */
public class NetworkService {

    private final ResilientRestClient neutron;

    public NetworkService(ResilientRestClient neutron) {
        this.neutron = neutron;
    }

    public record Network(String id, String name) {
    }

    /** How the agent plugs a bound port, and its subnets for the guest's static network configuration. */
    public record Binding(String bridge, int mtu, String networkType, Integer segmentationId, String physicalNetwork,
            List<Subnet> subnets) {
    }

    public record Subnet(String id, String cidr, String gatewayIp, List<String> dnsNameservers) {
    }

    public Network network(String userToken, String id) {
        try {
            JsonNode n = neutron.getAs(userToken, "/v2.0/networks/" + id, JsonNode.class).get("network");
            return new Network(n.get("id").asString(), n.path("name").asString(""));
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest e) {
            throw ApiException.badRequest("Network " + id + " could not be found.");
        }
    }

    /** The networks the user's project may use, for a server created without naming one. */
    public List<Network> usableNetworks(String userToken) {
        List<Network> networks = new ArrayList<>();
        for (JsonNode n : neutron.getAs(userToken, "/v2.0/networks", JsonNode.class).get("networks")) {
            networks.add(new Network(n.get("id").asString(), n.path("name").asString("")));
        }
        return networks;
    }

    /**
     * Nova's {@code security_groups: [{"name": …}]} names groups by name or id, Neutron's ports take ids: each
     * is looked up among the caller's groups (400 when none matches, 409 when a name is not unique).
     */
    private List<String> securityGroupIds(String userToken, String projectId, List<String> namesOrIds) {
        List<String> ids = new ArrayList<>();
        for (String wanted : namesOrIds) {
            List<String> byId = idsOf(userToken, "id=" + encode(wanted));
            List<String> matches = byId.isEmpty() ? idsOf(userToken, "name=" + encode(wanted) + "&project_id="
                    + encode(projectId)) : byId;
            if (matches.isEmpty()) {
                throw ApiException.badRequest("Security group " + wanted + " not found.");
            }
            if (matches.size() > 1) {
                throw ApiException.conflict("Multiple security groups found matching '" + wanted
                        + "'. Use an ID to be more specific.");
            }
            ids.add(matches.get(0));
        }
        return ids;
    }

    private List<String> idsOf(String userToken, String query) {
        List<String> ids = new ArrayList<>();
        neutron.getAs(userToken, "/v2.0/security-groups?fields=id&" + query, JsonNode.class).path("security_groups")
                .forEach(g -> ids.add(g.path("id").asString()));
        return ids;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A port for the server; Neutron's refusal (no free address, quota) becomes a 400/403 for the caller. */
    public ServerPort createPort(String userToken, String projectId, Network network, String serverId,
            String fixedIp, List<String> securityGroups) {
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("network_id", network.id());
        port.put("device_id", serverId);
        port.put("device_owner", "compute:nova");
        if (fixedIp != null) {
            port.put("fixed_ips", List.of(Map.of("ip_address", fixedIp)));
        }
        if (!securityGroups.isEmpty()) {
            port.put("security_groups", securityGroupIds(userToken, projectId, securityGroups));
        }
        try {
            JsonNode p = neutron.postAs(userToken, "/v2.0/ports", Map.of("port", port), JsonNode.class).get("port");
            return serverPort(p, network.name(), false);
        } catch (HttpClientErrorException e) {
            String message = "Failed to create a port on network " + network.id() + ": " + neutronMessage(e);
            throw e.getStatusCode().value() == 403 ? ApiException.forbidden(message) : ApiException.badRequest(message);
        }
    }

    /** Binds the port to the host the scheduler chose; returns how the agent plugs it. */
    public Binding bind(String portId, String host) {
        JsonNode p = neutron.put("/v2.0/ports/" + portId, Map.of("port", Map.of("binding:host_id", host)),
                JsonNode.class).get("port");
        JsonNode network = neutron.get("/v2.0/networks/" + p.get("network_id").asString(), JsonNode.class)
                .get("network");
        JsonNode segment = network.get("provider:segmentation_id");
        List<Subnet> subnets = new ArrayList<>();
        for (JsonNode ip : p.get("fixed_ips")) {
            JsonNode subnet = neutron.get("/v2.0/subnets/" + ip.get("subnet_id").asString(), JsonNode.class)
                    .get("subnet");
            List<String> dns = new ArrayList<>();
            subnet.path("dns_nameservers").forEach(d -> dns.add(d.asString()));
            subnets.add(new Subnet(subnet.get("id").asString(), subnet.get("cidr").asString(),
                    subnet.path("gateway_ip").isNull() ? null : subnet.path("gateway_ip").asString(null), dns));
        }
        return new Binding(p.path("binding:vif_details").path("bridge_name").asString(""),
                network.path("mtu").asInt(1500), network.path("provider:network_type").asString("local"),
                segment == null || segment.isNull() ? null : segment.asInt(),
                network.path("provider:physical_network").isNull() ? null
                        : network.path("provider:physical_network").asString(null), subnets);
    }

    /** Deletes the port; one already gone is fine (a retried cleanup). */
    public void deletePort(String portId) {
        try {
            neutron.delete("/v2.0/ports/" + portId);
        } catch (HttpClientErrorException.NotFound e) {
            // already deleted
        }
    }

    /**
     * A port the user made, taken for the server (Nova's boot with {@code networks: [{"port": …}]}): it must
     * be visible with the user's token (400 otherwise) and not in use by another device (409).
     */
    public ServerPort claimPort(String userToken, String portId, String serverId) {
        JsonNode p;
        try {
            p = neutron.getAs(userToken, "/v2.0/ports/" + portId, JsonNode.class).get("port");
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest e) {
            throw ApiException.badRequest("Port id " + portId + " could not be found.");
        }
        if (!p.path("device_id").asString("").isEmpty()) {
            throw ApiException.conflict("Port " + portId + " is still in use.");
        }
        Network network = network(userToken, p.get("network_id").asString());
        JsonNode claimed = neutron.put("/v2.0/ports/" + portId, Map.of("port", Map.of("device_id", serverId,
                "device_owner", "compute:nova")), JsonNode.class).get("port");
        return serverPort(claimed, network.name(), true);
    }

    /** Gives a server's port back: deleted when compute made it, detached and left to its owner otherwise. */
    public void release(ServerPort port) {
        if (!port.preserveOnDelete()) {
            deletePort(port.portId());
            return;
        }
        try {
            neutron.put("/v2.0/ports/" + port.portId(), Map.of("port", Map.of("device_id", "", "device_owner", "",
                    "binding:host_id", "")), JsonNode.class);
        } catch (HttpClientErrorException.NotFound e) {
            // deleted by its owner meanwhile
        }
    }

    private static ServerPort serverPort(JsonNode p, String networkName, boolean preserveOnDelete) {
        List<ServerPort.FixedIp> ips = new ArrayList<>();
        for (JsonNode ip : p.get("fixed_ips")) {
            ips.add(new ServerPort.FixedIp(ip.get("subnet_id").asString(), ip.get("ip_address").asString()));
        }
        return new ServerPort(p.get("id").asString(), p.get("network_id").asString(), networkName,
                p.get("mac_address").asString(), ips, preserveOnDelete);
    }

    private static String neutronMessage(HttpClientErrorException e) {
        String body = e.getResponseBodyAsString();
        int at = body.indexOf("\"message\"");
        if (at < 0) {
            return e.getStatusText();
        }
        int start = body.indexOf('"', body.indexOf(':', at) + 1) + 1;
        int end = body.indexOf('"', start);
        return start > 0 && end > start ? body.substring(start, end) : e.getStatusText();
    }
}
