package io.kumo.identity.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.identity.application.AssignmentService;
import io.kumo.identity.application.AssignmentService.AssignmentQuery;
import io.kumo.identity.application.Directory;
import io.kumo.identity.persistence.RoleAssignment;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grants of roles to users and groups on projects, domains and the system
 * ({@code /v3/{projects|domains}/{id}/{users|groups}/{id}/roles/{role}}, {@code /v3/system/...}) and the
 * {@code /v3/role_assignments} query.
 */
@RestController
class RoleAssignmentController {

    private static final String ON_TARGET = "/v3/{targets:projects|domains}/{targetId}/{actors:users|groups}/{actorId}/roles";
    private static final String ON_SYSTEM = "/v3/system/{actors:users|groups}/{actorId}/roles";

    private final AssignmentService assignments;
    private final Directory directory;
    private final Views views;
    private final Links links;

    RoleAssignmentController(AssignmentService assignments, Directory directory, Views views, Links links) {
        this.assignments = assignments;
        this.directory = directory;
        this.views = views;
        this.links = links;
    }

    @PutMapping({ON_TARGET + "/{roleId}", ON_SYSTEM + "/{roleId}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void grant(Caller caller, @PathVariable(required = false) String targets,
            @PathVariable(required = false) String targetId, @PathVariable String actors, @PathVariable String actorId,
            @PathVariable String roleId) {
        Policy.requireAdmin(caller, "identity:create_grant");
        assignments.grant(actorType(actors), actorId, targetType(targets), target(targetId), roleId);
    }

    @RequestMapping(value = {ON_TARGET + "/{roleId}", ON_SYSTEM + "/{roleId}"}, method = RequestMethod.HEAD)
    ResponseEntity<Void> check(Caller caller, @PathVariable(required = false) String targets,
            @PathVariable(required = false) String targetId, @PathVariable String actors, @PathVariable String actorId,
            @PathVariable String roleId) {
        Policy.requireAdmin(caller, "identity:check_grant");
        if (!assignments.exists(actorType(actors), actorId, targetType(targets), target(targetId), roleId)) {
            throw ApiException.notFound("Could not find role assignment with role: " + roleId + ".");
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping({ON_TARGET + "/{roleId}", ON_SYSTEM + "/{roleId}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Caller caller, @PathVariable(required = false) String targets,
            @PathVariable(required = false) String targetId, @PathVariable String actors, @PathVariable String actorId,
            @PathVariable String roleId) {
        Policy.requireAdmin(caller, "identity:revoke_grant");
        assignments.revoke(actorType(actors), actorId, targetType(targets), target(targetId), roleId);
    }

    @GetMapping({ON_TARGET, ON_SYSTEM})
    Map<String, Object> rolesOn(Caller caller, @PathVariable(required = false) String targets,
            @PathVariable(required = false) String targetId, @PathVariable String actors, @PathVariable String actorId,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:list_grants");
        List<Map<String, Object>> roles = assignments.on(actorType(actors), actorId, targetType(targets), target(targetId))
                .stream().map(a -> views.role(directory.requireRole(a.roleId()), request)).toList();
        return views.collection("roles", roles, request);
    }

    @GetMapping("/v3/role_assignments")
    Map<String, Object> query(Caller caller, @RequestParam Map<String, String> params, HttpServletRequest request) {
        String userId = params.get("user.id");
        if (!Policy.isAdmin(caller) && !caller.userId().equals(userId)) {
            throw ApiException.forbidden("You are not authorized to perform the requested action: "
                    + "identity:list_role_assignments.");
        }
        AssignmentQuery query = new AssignmentQuery(userId, params.get("group.id"), params.get("role.id"),
                params.get("scope.project.id"), params.get("scope.domain.id"), params.containsKey("scope.system"),
                params.containsKey("effective"));
        boolean names = params.containsKey("include_names") && !"false".equalsIgnoreCase(params.get("include_names"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (RoleAssignment a : assignments.query(query)) {
            items.add(assignment(a, names, request));
        }
        return views.collection("role_assignments", items, request);
    }

    private Map<String, Object> assignment(RoleAssignment a, boolean names, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("id", a.roleId());
        if (names) {
            role.put("name", directory.requireRole(a.roleId()).name());
        }
        m.put("role", role);
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("id", a.actorId());
        if (names && a.actorType().equals(RoleAssignment.USER)) {
            var user = directory.requireUser(a.actorId());
            actor.put("name", user.name());
            actor.put("domain", Map.of("id", user.domainId(), "name", directory.domainOf(user).name()));
        }
        m.put(a.actorType(), actor);
        Map<String, Object> scope = new LinkedHashMap<>();
        if (a.targetType().equals(RoleAssignment.SYSTEM)) {
            scope.put("system", Map.of("all", true));
        } else {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("id", a.targetId());
            if (names && a.targetType().equals(RoleAssignment.PROJECT)) {
                var project = directory.requireProject(a.targetId());
                target.put("name", project.name());
                target.put("domain", Map.of("id", project.domainId(),
                        "name", directory.requireDomain(project.domainId()).name()));
            } else if (names) {
                target.put("name", directory.requireDomain(a.targetId()).name());
            }
            scope.put(a.targetType(), target);
        }
        m.put("scope", scope);
        String path = a.targetType().equals(RoleAssignment.SYSTEM) ? "/v3/system" : "/v3/" + a.targetType() + "s/" + a.targetId();
        m.put("links", Map.of("assignment", links.base(request) + path + "/" + a.actorType() + "s/" + a.actorId()
                + "/roles/" + a.roleId()));
        return m;
    }

    private static String actorType(String actors) {
        return actors.equals("users") ? RoleAssignment.USER : RoleAssignment.GROUP;
    }

    private static String targetType(String targets) {
        if (targets == null) {
            return RoleAssignment.SYSTEM;
        }
        return targets.equals("projects") ? RoleAssignment.PROJECT : RoleAssignment.DOMAIN;
    }

    private static String target(String targetId) {
        return targetId == null ? RoleAssignment.SYSTEM_ALL : targetId;
    }
}
