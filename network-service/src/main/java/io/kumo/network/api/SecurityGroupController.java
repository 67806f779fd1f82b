package io.kumo.network.api;

import io.kumo.common.auth.Caller;
import io.kumo.network.application.SecurityGroupService;
import io.kumo.network.application.SecurityGroupView;
import io.kumo.network.application.Viewer;
import io.kumo.network.domain.InvalidNetworkInput;
import io.kumo.network.domain.RuleSpec;
import io.kumo.network.persistence.SecurityGroup;
import io.kumo.network.persistence.SecurityGroupRule;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
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

/** Neutron's {@code /v2.0/security-groups} and {@code /v2.0/security-group-rules}. */
@RestController
class SecurityGroupController {

    private static final Map<String, ListQuery.Attribute> GROUP_FILTERS = Map.of(
            "id", ListQuery.Attribute.text("id"), "name", ListQuery.Attribute.text("name"),
            "project_id", ListQuery.Attribute.text("projectId"), "tenant_id", ListQuery.Attribute.text("projectId"),
            "description", ListQuery.Attribute.text("description"));
    private static final Map<String, ListQuery.Attribute> RULE_FILTERS = Map.of(
            "id", ListQuery.Attribute.text("id"), "security_group_id", ListQuery.Attribute.text("securityGroupId"),
            "direction", ListQuery.Attribute.text("direction"), "ethertype", ListQuery.Attribute.text("ethertype"),
            "protocol", ListQuery.Attribute.text("protocol"), "project_id", ListQuery.Attribute.text("projectId"),
            "tenant_id", ListQuery.Attribute.text("projectId"), "remote_group_id", ListQuery.Attribute.text("remoteGroupId"));

    private final SecurityGroupService groups;

    SecurityGroupController(SecurityGroupService groups) {
        this.groups = groups;
    }

    @PostMapping("/v2.0/security-groups")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @RequestBody JsonNode body) {
        JsonNode g = NeutronJson.resource(body, "security_group");
        Viewer viewer = Viewer.of(caller);
        groups.ensureDefault(viewer);
        return Map.of("security_group", group(groups.create(viewer, NeutronJson.text(g, "name", ""),
                NeutronJson.text(g, "description", ""))));
    }

    @GetMapping("/v2.0/security-groups")
    Map<String, Object> list(Caller caller, HttpServletRequest request) {
        Viewer viewer = Viewer.of(caller);
        groups.ensureDefault(viewer);
        var filter = ListQuery.<SecurityGroup>filters(request.getParameterMap(), GROUP_FILTERS);
        var page = groups.list(viewer, filter, ListQuery.page(request.getParameterMap(), GROUP_FILTERS));
        return ListQuery.body("security_groups", page.items().stream()
                .map(g -> ListQuery.select(group(g), request.getParameterValues("fields"))).toList(), page.more(),
                request);
    }

    @GetMapping("/v2.0/security-groups/{id}")
    Map<String, Object> show(Caller caller, @PathVariable String id, HttpServletRequest request) {
        return Map.of("security_group", ListQuery.select(group(groups.get(Viewer.of(caller), id)),
                request.getParameterValues("fields")));
    }

    @PutMapping("/v2.0/security-groups/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        JsonNode g = NeutronJson.resource(body, "security_group");
        return Map.of("security_group", group(groups.update(Viewer.of(caller), id, NeutronJson.text(g, "name", null),
                NeutronJson.text(g, "description", null))));
    }

    @DeleteMapping("/v2.0/security-groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        groups.delete(Viewer.of(caller), id);
    }

    @PostMapping("/v2.0/security-group-rules")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createRule(Caller caller, @RequestBody JsonNode body) {
        JsonNode r = NeutronJson.resource(body, "security_group_rule");
        String groupId = NeutronJson.text(r, "security_group_id", null);
        if (groupId == null) {
            throw new InvalidNetworkInput("security_group_id is required.");
        }
        RuleSpec spec = RuleSpec.validated(NeutronJson.text(r, "direction", null), NeutronJson.text(r, "ethertype", null),
                protocol(r), NeutronJson.integer(r, "port_range_min"), NeutronJson.integer(r, "port_range_max"),
                NeutronJson.text(r, "remote_ip_prefix", null), NeutronJson.text(r, "remote_group_id", null));
        return Map.of("security_group_rule", rule(groups.addRule(Viewer.of(caller), groupId, spec,
                NeutronJson.text(r, "description", ""))));
    }

    @GetMapping("/v2.0/security-group-rules")
    Map<String, Object> listRules(Caller caller, HttpServletRequest request) {
        var filter = ListQuery.<SecurityGroupRule>filters(request.getParameterMap(), RULE_FILTERS);
        var page = groups.rules(Viewer.of(caller), filter, ListQuery.page(request.getParameterMap(), RULE_FILTERS));
        return ListQuery.body("security_group_rules", page.items().stream()
                .map(r -> ListQuery.select(rule(r), request.getParameterValues("fields"))).toList(), page.more(),
                request);
    }

    @GetMapping("/v2.0/security-group-rules/{id}")
    Map<String, Object> showRule(Caller caller, @PathVariable String id) {
        return Map.of("security_group_rule", rule(groups.rule(Viewer.of(caller), id)));
    }

    @DeleteMapping("/v2.0/security-group-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRule(Caller caller, @PathVariable String id) {
        groups.deleteRule(Viewer.of(caller), id);
    }

    /** A protocol may come as a name or as a number. */
    private static String protocol(JsonNode r) {
        JsonNode value = r.get("protocol");
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isIntegralNumber() ? String.valueOf(value.asLong()) : NeutronJson.text(r, "protocol", null);
    }

    private static Map<String, Object> group(SecurityGroupView view) {
        SecurityGroup g = view.group();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", g.id());
        v.put("name", g.name());
        v.put("description", g.description());
        v.put("stateful", true);
        v.put("shared", false);
        v.put("security_group_rules", view.rules().stream().map(SecurityGroupController::rule).toList());
        v.put("tags", g.tags());
        v.put("created_at", NeutronJson.time(g.createdAt()));
        v.put("updated_at", NeutronJson.time(g.updatedAt()));
        v.put("revision_number", g.revision());
        v.put("tenant_id", g.projectId());
        v.put("project_id", g.projectId());
        return v;
    }

    private static Map<String, Object> rule(SecurityGroupRule r) {
        RuleSpec spec = r.spec();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("security_group_id", r.securityGroupId());
        v.put("direction", spec.direction());
        v.put("ethertype", spec.ethertype());
        v.put("protocol", spec.protocol());
        v.put("port_range_min", spec.portMin());
        v.put("port_range_max", spec.portMax());
        v.put("remote_ip_prefix", spec.remoteIpPrefix());
        v.put("remote_group_id", spec.remoteGroupId());
        v.put("remote_address_group_id", null);
        v.put("normalized_cidr", spec.remoteIpPrefix());
        v.put("description", r.description());
        v.put("created_at", NeutronJson.time(r.createdAt()));
        v.put("updated_at", NeutronJson.time(r.updatedAt()));
        v.put("revision_number", r.revision());
        v.put("tenant_id", r.projectId());
        v.put("project_id", r.projectId());
        return v;
    }
}
