package io.kumo.network.api;

import io.kumo.common.auth.Caller;
import io.kumo.network.application.SubnetService;
import io.kumo.network.application.Viewer;
import io.kumo.network.domain.InvalidNetworkInput;
import io.kumo.network.domain.SubnetAttributes;
import io.kumo.network.persistence.Subnet;
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

/** Neutron's {@code /v2.0/subnets}. */
@RestController
class SubnetController {

    private static final Map<String, ListQuery.Attribute> FILTERS = Map.of(
            "id", ListQuery.Attribute.text("id"), "name", ListQuery.Attribute.text("name"),
            "network_id", ListQuery.Attribute.text("networkId"), "project_id", ListQuery.Attribute.text("projectId"),
            "tenant_id", ListQuery.Attribute.text("projectId"), "cidr", ListQuery.Attribute.text("cidr"),
            "ip_version", ListQuery.Attribute.number("ipVersion"), "gateway_ip", ListQuery.Attribute.text("gatewayIp"),
            "enable_dhcp", ListQuery.Attribute.flag("enableDhcp"));

    private final SubnetService subnets;

    SubnetController(SubnetService subnets) {
        this.subnets = subnets;
    }

    @PostMapping("/v2.0/subnets")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @RequestBody JsonNode body) {
        JsonNode s = NeutronJson.resource(body, "subnet");
        String networkId = NeutronJson.text(s, "network_id", null);
        if (networkId == null) {
            throw new InvalidNetworkInput("network_id is required.");
        }
        Long version = NeutronJson.integer(s, "ip_version");
        SubnetService.SubnetRequest request = new SubnetService.SubnetRequest(networkId,
                version == null ? 4 : version.intValue(), NeutronJson.text(s, "cidr", null),
                NeutronJson.text(s, "gateway_ip", null), s.has("gateway_ip"), pools(s), attributes(s, null));
        return Map.of("subnet", NeutronViews.subnet(subnets.create(Viewer.of(caller), request)));
    }

    @GetMapping("/v2.0/subnets")
    Map<String, Object> list(Caller caller, HttpServletRequest request) {
        var filter = ListQuery.<Subnet>filters(request.getParameterMap(), FILTERS);
        var page = subnets.list(Viewer.of(caller), filter, ListQuery.page(request.getParameterMap(), FILTERS));
        return ListQuery.body("subnets", page.items().stream()
                .map(s -> ListQuery.select(NeutronViews.subnet(s), request.getParameterValues("fields"))).toList(),
                page.more(), request);
    }

    @GetMapping("/v2.0/subnets/{id}")
    Map<String, Object> show(Caller caller, @PathVariable String id, HttpServletRequest request) {
        return Map.of("subnet", ListQuery.select(NeutronViews.subnet(subnets.get(Viewer.of(caller), id)),
                request.getParameterValues("fields")));
    }

    @PutMapping("/v2.0/subnets/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        JsonNode s = NeutronJson.resource(body, "subnet");
        return Map.of("subnet", NeutronViews.subnet(subnets.update(Viewer.of(caller), id, a -> attributes(s, a))));
    }

    @DeleteMapping("/v2.0/subnets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        subnets.delete(Viewer.of(caller), id);
    }

    /** The changeable attributes, from the body where given, else from {@code current} (or defaults). */
    private static SubnetAttributes attributes(JsonNode s, SubnetAttributes current) {
        List<SubnetAttributes.HostRoute> routes = current == null ? List.of() : current.hostRoutes();
        JsonNode given = s.get("host_routes");
        if (given != null && !given.isNull()) {
            List<SubnetAttributes.HostRoute> parsed = new ArrayList<>();
            for (JsonNode route : given) {
                parsed.add(new SubnetAttributes.HostRoute(NeutronJson.text(route, "destination", ""),
                        NeutronJson.text(route, "nexthop", "")));
            }
            routes = parsed;
        }
        List<String> dns = s.has("dns_nameservers") ? NeutronJson.strings(s, "dns_nameservers")
                : current == null ? List.of() : current.dnsNameservers();
        for (String server : dns) {
            if (io.kumo.network.domain.Ipv4.parse(server) < 0) {
                throw new InvalidNetworkInput("'" + server + "' is not a valid nameserver.");
            }
        }
        return new SubnetAttributes(NeutronJson.text(s, "name", current == null ? "" : current.name()),
                NeutronJson.text(s, "description", current == null ? "" : current.description()),
                NeutronJson.bool(s, "enable_dhcp", current == null || current.enableDhcp()), dns, routes);
    }

    private static List<String[]> pools(JsonNode s) {
        JsonNode given = s.get("allocation_pools");
        if (given == null || given.isNull()) {
            return null;
        }
        if (!given.isArray()) {
            throw new InvalidNetworkInput("allocation_pools must be a list of {start, end}.");
        }
        List<String[]> pools = new ArrayList<>();
        for (JsonNode pool : given) {
            if (!pool.isObject()) {
                throw new InvalidNetworkInput("allocation_pools must be a list of {start, end}.");
            }
            pools.add(new String[] {NeutronJson.text(pool, "start", ""), NeutronJson.text(pool, "end", "")});
        }
        return pools;
    }
}
