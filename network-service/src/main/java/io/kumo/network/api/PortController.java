package io.kumo.network.api;

import io.kumo.common.auth.Caller;
import io.kumo.network.application.PortService;
import io.kumo.network.application.SecurityGroupService;
import io.kumo.network.application.Viewer;
import io.kumo.network.domain.AddressPair;
import io.kumo.network.domain.InvalidNetworkInput;
import io.kumo.network.domain.PortAttributes;
import io.kumo.network.persistence.Port;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Neutron's {@code /v2.0/ports}. */
@RestController
class PortController {

    private static final Map<String, ListQuery.Attribute> FILTERS = Map.of(
            "id", ListQuery.Attribute.text("id"), "name", ListQuery.Attribute.text("name"),
            "network_id", ListQuery.Attribute.text("networkId"), "project_id", ListQuery.Attribute.text("projectId"),
            "tenant_id", ListQuery.Attribute.text("projectId"), "device_id", ListQuery.Attribute.text("deviceId"),
            "device_owner", ListQuery.Attribute.text("deviceOwner"), "status", ListQuery.Attribute.text("status"),
            "mac_address", ListQuery.Attribute.text("macAddress"),
            "binding:host_id", ListQuery.Attribute.text("bindingHostId"));

    private final PortService ports;
    private final SecurityGroupService securityGroups;

    PortController(PortService ports, SecurityGroupService securityGroups) {
        this.ports = ports;
        this.securityGroups = securityGroups;
    }

    @PostMapping("/v2.0/ports")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @RequestBody JsonNode body) {
        JsonNode p = NeutronJson.resource(body, "port");
        Viewer viewer = Viewer.of(caller);
        String networkId = NeutronJson.text(p, "network_id", null);
        if (networkId == null) {
            throw new InvalidNetworkInput("network_id is required.");
        }
        String host = NeutronJson.text(p, "binding:host_id", "");
        String mac = NeutronJson.text(p, "mac_address", null);
        if ((!host.isEmpty() || mac != null) && !viewer.admin()) {
            throw new io.kumo.network.domain.NeutronException(403, "PolicyNotAuthorized",
                    "rule:create_port:" + (mac != null ? "mac_address" : "binding:host_id") + " is disallowed by policy");
        }
        PortAttributes attributes = new PortAttributes(NeutronJson.text(p, "name", ""),
                NeutronJson.text(p, "description", ""), NeutronJson.bool(p, "admin_state_up", true),
                NeutronJson.text(p, "device_id", ""), NeutronJson.text(p, "device_owner", ""), host,
                NeutronJson.bool(p, "port_security_enabled", true), addressPairs(p, List.of()));
        List<PortService.FixedIp> fixedIps = p.has("fixed_ips") && !p.get("fixed_ips").isNull() ? fixedIps(p) : null;
        List<String> groups = p.has("security_groups") && !p.get("security_groups").isNull()
                ? NeutronJson.strings(p, "security_groups") : null;
        securityGroups.ensureDefault(viewer);
        return Map.of("port", NeutronViews.port(ports.create(viewer, networkId, attributes, fixedIps, mac, groups),
                viewer.admin()));
    }

    @GetMapping("/v2.0/ports")
    Map<String, Object> list(Caller caller, HttpServletRequest request) {
        Viewer viewer = Viewer.of(caller);
        var filter = ListQuery.<Port>filters(request.getParameterMap(), FILTERS);
        var page = ports.list(viewer, filter, ListQuery.page(request.getParameterMap(), FILTERS));
        return ListQuery.body("ports", page.items().stream()
                .map(p -> ListQuery.select(NeutronViews.port(p, viewer.admin()), request.getParameterValues("fields")))
                .toList(), page.more(), request);
    }

    @GetMapping("/v2.0/ports/{id}")
    Map<String, Object> show(Caller caller, @PathVariable String id, HttpServletRequest request) {
        Viewer viewer = Viewer.of(caller);
        return Map.of("port", ListQuery.select(NeutronViews.port(ports.get(viewer, id), viewer.admin()),
                request.getParameterValues("fields")));
    }

    @PutMapping("/v2.0/ports/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        JsonNode p = NeutronJson.resource(body, "port");
        Viewer viewer = Viewer.of(caller);
        return Map.of("port", NeutronViews.port(ports.update(viewer, id, a -> new PortAttributes(
                NeutronJson.text(p, "name", a.name()), NeutronJson.text(p, "description", a.description()),
                NeutronJson.bool(p, "admin_state_up", a.adminStateUp()), NeutronJson.text(p, "device_id", a.deviceId()),
                NeutronJson.text(p, "device_owner", a.deviceOwner()),
                NeutronJson.text(p, "binding:host_id", a.bindingHostId()),
                NeutronJson.bool(p, "port_security_enabled", a.portSecurityEnabled()),
                addressPairs(p, a.allowedAddressPairs())),
                p.has("security_groups") && !p.get("security_groups").isNull()
                        ? NeutronJson.strings(p, "security_groups") : null), viewer.admin()));
    }

    @DeleteMapping("/v2.0/ports/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        ports.delete(Viewer.of(caller), id);
    }

    /** {@code allowed_address_pairs} from the body, or {@code current} when absent. */
    private static List<AddressPair> addressPairs(JsonNode p, List<AddressPair> current) {
        JsonNode given = p.get("allowed_address_pairs");
        if (given == null) {
            return current;
        }
        if (given.isNull()) {
            return List.of();
        }
        if (!given.isArray()) {
            throw new InvalidNetworkInput("allowed_address_pairs must be a list of {ip_address, mac_address}.");
        }
        List<AddressPair> pairs = new ArrayList<>();
        for (JsonNode pair : given) {
            if (!pair.isObject()) {
                throw new InvalidNetworkInput("allowed_address_pairs must be a list of {ip_address, mac_address}.");
            }
            pairs.add(new AddressPair(NeutronJson.text(pair, "ip_address", null), NeutronJson.text(pair, "mac_address", null)));
        }
        return pairs;
    }

    private static List<PortService.FixedIp> fixedIps(JsonNode p) {
        JsonNode given = p.get("fixed_ips");
        if (!given.isArray() || given.size() > 16) {
            throw new InvalidNetworkInput("fixed_ips must be a list of at most 16 {subnet_id, ip_address}.");
        }
        List<PortService.FixedIp> ips = new ArrayList<>();
        for (JsonNode ip : given) {
            if (!ip.isObject()) {
                throw new InvalidNetworkInput("fixed_ips must be a list of {subnet_id, ip_address}.");
            }
            String subnet = NeutronJson.text(ip, "subnet_id", null);
            String address = NeutronJson.text(ip, "ip_address", null);
            if (subnet == null && address == null) {
                throw new InvalidNetworkInput("a fixed IP needs a subnet_id or an ip_address.");
            }
            ips.add(new PortService.FixedIp(subnet, address));
        }
        return ips;
    }
}
