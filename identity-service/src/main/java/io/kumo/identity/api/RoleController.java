package io.kumo.identity.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.identity.application.RoleService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Roles: readable by any authenticated caller (to name them in requests), managed by admins. */
@RestController
@RequestMapping("/v3/roles")
class RoleController {

    private final RoleService roles;
    private final Views views;

    RoleController(RoleService roles, Views views) {
        this.roles = roles;
        this.views = views;
    }

    @GetMapping
    Map<String, Object> list(Caller caller, @RequestParam(required = false) String name, HttpServletRequest request) {
        return views.collection("roles", roles.list(name).stream().map(r -> views.role(r, request)).toList(), request);
    }

    @GetMapping("/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id, HttpServletRequest request) {
        return Map.of("role", views.role(roles.get(id), request));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @Valid @RequestBody Body body, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:create_role");
        return Map.of("role", views.role(roles.create(body.role().name(), body.role().description()), request));
    }

    @PatchMapping("/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @Valid @RequestBody Body body,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:update_role");
        return Map.of("role", views.role(roles.update(id, body.role().name(), body.role().description()), request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        Policy.requireAdmin(caller, "identity:delete_role");
        roles.delete(id);
    }

    record Body(@NotNull @Valid Fields role) {
    }

    record Fields(String name, String description) {
    }
}
