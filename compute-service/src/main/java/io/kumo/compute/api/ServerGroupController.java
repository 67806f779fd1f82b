package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.compute.application.ServerGroups;
import io.kumo.compute.domain.ServerGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code os-server-groups} at 2.1: id, name, policies, members, metadata (always empty). */
@RestController
class ServerGroupController {

    private final ServerGroups groups;

    ServerGroupController(ServerGroups groups) {
        this.groups = groups;
    }

    @PostMapping("/v2.1/os-server-groups")
    Map<String, Object> create(Caller caller, @RequestBody JsonNode body) {
        JsonNode group = NovaJson.resource(body, "server_group");
        JsonNode policies = group.get("policies");
        List<String> names = null;
        if (policies != null && policies.isArray()) {
            names = new ArrayList<>();
            for (JsonNode p : policies) {
                names.add(p.isString() ? p.asString() : p.toString());
            }
        }
        return Map.of("server_group", view(groups.create(caller, NovaJson.text(group, "name"), names)));
    }

    @GetMapping("/v2.1/os-server-groups")
    Map<String, Object> list(Caller caller, @RequestParam Map<String, String> params) {
        String all = params.get("all_projects");
        boolean allProjects = all != null && !all.equalsIgnoreCase("false") && !all.equals("0");
        return Map.of("server_groups", groups.list(caller, allProjects).stream().map(ServerGroupController::view)
                .toList());
    }

    @GetMapping("/v2.1/os-server-groups/{id}")
    Map<String, Object> show(Caller caller, @PathVariable String id) {
        return Map.of("server_group", view(groups.get(caller, id)));
    }

    @DeleteMapping("/v2.1/os-server-groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        groups.delete(caller, id);
    }

    private static Map<String, Object> view(ServerGroup g) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", g.id());
        v.put("name", g.name());
        v.put("policies", List.of(g.policy()));
        v.put("members", g.members());
        v.put("metadata", Map.of());
        return v;
    }
}
