package io.kumo.network.api;

import io.kumo.network.application.NetworkView;
import io.kumo.network.application.PortView;
import io.kumo.network.domain.Ipv4;
import io.kumo.network.persistence.Subnet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Networks, subnets and ports in Neutron's JSON (neutron-lib api-ref samples). */
final class NeutronViews {

    private NeutronViews() {
    }

    /** @param admin provider attributes are shown to admins only, as Neutron's policy does */
    static Map<String, Object> network(NetworkView n, boolean admin) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", n.id());
        v.put("name", n.attributes().name());
        v.put("tenant_id", n.projectId());
        v.put("project_id", n.projectId());
        v.put("admin_state_up", n.attributes().adminStateUp());
        v.put("mtu", n.mtu());
        v.put("status", n.status());
        v.put("subnets", n.subnetIds());
        v.put("shared", n.attributes().shared());
        v.put("availability_zone_hints", List.of());
        v.put("availability_zones", List.of("nova"));
        v.put("ipv4_address_scope", null);
        v.put("ipv6_address_scope", null);
        v.put("router:external", n.attributes().routerExternal());
        v.put("description", n.attributes().description());
        v.put("port_security_enabled", n.attributes().portSecurityEnabled());
        v.put("l2_adjacency", true);
        v.put("tags", n.tags());
        v.put("created_at", NeutronJson.time(n.createdAt()));
        v.put("updated_at", NeutronJson.time(n.updatedAt()));
        v.put("revision_number", n.revision());
        if (admin) {
            v.put("provider:network_type", n.segment().type().wire());
            v.put("provider:physical_network", n.segment().physicalNetwork());
            v.put("provider:segmentation_id", n.segment().segmentationId());
        }
        return v;
    }

    static Map<String, Object> subnet(Subnet s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id());
        v.put("name", s.attributes().name());
        v.put("tenant_id", s.projectId());
        v.put("project_id", s.projectId());
        v.put("network_id", s.networkId());
        v.put("ip_version", s.ipVersion());
        v.put("subnetpool_id", null);
        v.put("enable_dhcp", s.attributes().enableDhcp());
        v.put("ipv6_ra_mode", null);
        v.put("ipv6_address_mode", null);
        v.put("gateway_ip", s.gatewayIp());
        v.put("cidr", s.cidr().toString());
        v.put("allocation_pools", s.pools().stream().map(p -> Map.of("start", Ipv4.format(p.start()),
                "end", Ipv4.format(p.end()))).toList());
        v.put("host_routes", s.attributes().hostRoutes().stream().map(r -> Map.of("destination", r.destination(),
                "nexthop", r.nexthop())).toList());
        v.put("dns_nameservers", s.attributes().dnsNameservers());
        v.put("description", s.attributes().description());
        v.put("service_types", List.of());
        v.put("segment_id", null);
        v.put("tags", s.tags());
        v.put("created_at", NeutronJson.time(s.createdAt()));
        v.put("updated_at", NeutronJson.time(s.updatedAt()));
        v.put("revision_number", s.revision());
        return v;
    }

    /** @param admin the binding attributes are shown to admins (and services) only */
    static Map<String, Object> port(PortView p, boolean admin) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", p.id());
        v.put("name", p.attributes().name());
        v.put("network_id", p.networkId());
        v.put("tenant_id", p.projectId());
        v.put("project_id", p.projectId());
        v.put("mac_address", p.macAddress());
        v.put("admin_state_up", p.attributes().adminStateUp());
        v.put("status", p.status());
        v.put("device_id", p.attributes().deviceId());
        v.put("device_owner", p.attributes().deviceOwner());
        v.put("fixed_ips", p.fixedIps().stream().map(ip -> Map.of("subnet_id", ip.subnetId(),
                "ip_address", ip.ipAddress())).toList());
        v.put("allowed_address_pairs", p.attributes().allowedAddressPairs().stream().map(a -> Map.of(
                "ip_address", a.ipAddress(), "mac_address", a.macAddress())).toList());
        v.put("extra_dhcp_opts", List.of());
        v.put("security_groups", p.securityGroups());
        v.put("port_security_enabled", p.attributes().portSecurityEnabled());
        v.put("description", p.attributes().description());
        v.put("tags", p.tags());
        v.put("created_at", NeutronJson.time(p.createdAt()));
        v.put("updated_at", NeutronJson.time(p.updatedAt()));
        v.put("revision_number", p.revision());
        v.put("binding:vnic_type", "normal");
        if (admin) {
            v.put("binding:host_id", p.attributes().bindingHostId());
            boolean bound = !p.attributes().bindingHostId().isEmpty();
            v.put("binding:vif_type", bound ? "bridge" : "unbound");
            // the Linux bridge the agent plugs the port into, named as Neutron's linuxbridge agent names it
            v.put("binding:vif_details", bound ? Map.of("bridge_name", "brq" + p.networkId().substring(0,
                    Math.min(11, p.networkId().length())), "port_filter", true) : Map.of());
            v.put("binding:profile", Map.of());
        }
        return v;
    }
}
