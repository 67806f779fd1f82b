package io.kumo.network.api;

import io.kumo.common.auth.Caller;
import io.kumo.network.application.NetworkService;
import io.kumo.network.application.Viewer;
import io.kumo.network.domain.NetworkAttributes;
import io.kumo.network.domain.Segment;
import io.kumo.network.persistence.Network;
import jakarta.servlet.http.HttpServletRequest;
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

/** Neutron's {@code /v2.0/networks}. */
@RestController
class NetworkController {

    private static final Map<String, ListQuery.Attribute> FILTERS = Map.of(
            "id", ListQuery.Attribute.text("id"), "name", ListQuery.Attribute.text("name"),
            "project_id", ListQuery.Attribute.text("projectId"), "tenant_id", ListQuery.Attribute.text("projectId"),
            "status", ListQuery.Attribute.text("status"), "shared", ListQuery.Attribute.flag("shared"),
            "admin_state_up", ListQuery.Attribute.flag("adminStateUp"),
            "router:external", ListQuery.Attribute.flag("routerExternal"),
            "provider:network_type", ListQuery.Attribute.text("networkType"),
            "description", ListQuery.Attribute.text("description"));

    private final NetworkService networks;

    NetworkController(NetworkService networks) {
        this.networks = networks;
    }

    @PostMapping("/v2.0/networks")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @RequestBody JsonNode body) {
        JsonNode n = NeutronJson.resource(body, "network");
        Viewer viewer = Viewer.of(caller);
        NetworkAttributes attributes = new NetworkAttributes(NeutronJson.text(n, "name", ""),
                NeutronJson.text(n, "description", ""), NeutronJson.bool(n, "admin_state_up", true),
                NeutronJson.bool(n, "shared", false), NeutronJson.bool(n, "router:external", false),
                NeutronJson.bool(n, "port_security_enabled", true));
        String type = NeutronJson.text(n, "provider:network_type", null);
        String physical = NeutronJson.text(n, "provider:physical_network", null);
        Long segment = NeutronJson.integer(n, "provider:segmentation_id");
        Segment provider = type == null && physical == null && segment == null ? null
                : Segment.requested(type, physical, segment);
        String project = NeutronJson.text(n, "project_id", NeutronJson.text(n, "tenant_id", null));
        return Map.of("network", NeutronViews.network(networks.create(viewer, project, attributes, provider),
                viewer.admin()));
    }

    @GetMapping("/v2.0/networks")
    Map<String, Object> list(Caller caller, HttpServletRequest request) {
        Viewer viewer = Viewer.of(caller);
        var filter = ListQuery.<Network>filters(request.getParameterMap(), FILTERS);
        var page = networks.list(viewer, filter, ListQuery.page(request.getParameterMap(), FILTERS));
        return ListQuery.body("networks", page.items().stream()
                .map(n -> ListQuery.select(NeutronViews.network(n, viewer.admin()), request.getParameterValues("fields")))
                .toList(), page.more(), request);
    }

    @GetMapping("/v2.0/networks/{id}")
    Map<String, Object> show(Caller caller, @PathVariable String id, HttpServletRequest request) {
        Viewer viewer = Viewer.of(caller);
        return Map.of("network", ListQuery.select(NeutronViews.network(networks.get(viewer, id), viewer.admin()),
                request.getParameterValues("fields")));
    }

    @PutMapping("/v2.0/networks/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        JsonNode n = NeutronJson.resource(body, "network");
        Viewer viewer = Viewer.of(caller);
        return Map.of("network", NeutronViews.network(networks.update(viewer, id, a -> new NetworkAttributes(
                NeutronJson.text(n, "name", a.name()), NeutronJson.text(n, "description", a.description()),
                NeutronJson.bool(n, "admin_state_up", a.adminStateUp()), NeutronJson.bool(n, "shared", a.shared()),
                NeutronJson.bool(n, "router:external", a.routerExternal()),
                NeutronJson.bool(n, "port_security_enabled", a.portSecurityEnabled()))), viewer.admin()));
    }

    @DeleteMapping("/v2.0/networks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        networks.delete(Viewer.of(caller), id);
    }
}
