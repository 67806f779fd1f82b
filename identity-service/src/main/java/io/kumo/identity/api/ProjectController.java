package io.kumo.identity.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kumo.common.audit.AuditTarget;
import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.identity.application.ProjectService;
import io.kumo.identity.persistence.Project;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProjectController {

    private final ProjectService projects;
    private final Views views;

    ProjectController(ProjectService projects, Views views) {
        this.projects = projects;
        this.views = views;
    }

    /** Admins see every project; anyone else the projects they have a role on. */
    @GetMapping("/v3/projects")
    Map<String, Object> list(Caller caller, @RequestParam(name = "domain_id", required = false) String domainId,
            @RequestParam(required = false) String name, @RequestParam(required = false) Boolean enabled,
            @RequestParam(name = "parent_id", required = false) String parentId, HttpServletRequest request) {
        List<Project> visible = Policy.isAdmin(caller) ? projects.list(domainId, name, enabled, parentId)
                : projects.forUser(caller.userId()).stream()
                        .filter(p -> name == null || p.name().equals(name))
                        .filter(p -> domainId == null || p.domainId().equals(domainId))
                        .toList();
        return views.collection("projects", visible.stream().map(p -> views.project(p, request)).toList(), request);
    }

    @GetMapping("/v3/users/{userId}/projects")
    Map<String, Object> listForUser(Caller caller, @PathVariable String userId, HttpServletRequest request) {
        if (!Policy.isAdmin(caller) && !caller.userId().equals(userId)) {
            throw ApiException.notFound("user", userId);
        }
        return views.collection("projects",
                projects.forUser(userId).stream().map(p -> views.project(p, request)).toList(), request);
    }

    @GetMapping("/v3/projects/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id, HttpServletRequest request) {
        if (!Policy.isAdmin(caller) && !id.equals(caller.projectId())) {
            throw ApiException.notFound("project", id);
        }
        return Map.of("project", views.project(projects.get(id), request));
    }

    @PostMapping("/v3/projects")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @Valid @RequestBody Body body, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:create_project");
        Fields p = body.project();
        Project created = projects.create(p.name(), p.domainId(), p.parentId(), p.description(),
                p.enabled() == null || p.enabled(), p.tags());
        AuditTarget.set(request, "project", created.id());
        return Map.of("project", views.project(created, request));
    }

    @PatchMapping("/v3/projects/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @Valid @RequestBody Body body,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:update_project");
        Fields p = body.project();
        return Map.of("project", views.project(projects.update(id, p.name(), p.description(), p.enabled(), p.tags()),
                request));
    }

    @DeleteMapping("/v3/projects/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        Policy.requireAdmin(caller, "identity:delete_project");
        projects.delete(id);
    }

    record Body(@NotNull @Valid Fields project) {
    }

    record Fields(String name, @JsonProperty("domain_id") String domainId, @JsonProperty("parent_id") String parentId,
            String description, Boolean enabled, List<@NotNull String> tags) {
    }
}
