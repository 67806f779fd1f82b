package io.kumo.identity.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.identity.application.LimitService;
import io.kumo.identity.persistence.ProjectLimit;
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

/**
 * Unified limits ({@code /v3/registered_limits}, {@code /v3/limits}): the quotas of every Kumo service.
 * Anyone may read the defaults; a project's own limits are visible to its members; admins write.
 */
@RestController
class LimitController {

    private final LimitService limits;
    private final Views views;

    LimitController(LimitService limits, Views views) {
        this.limits = limits;
        this.views = views;
    }

    @GetMapping("/v3/registered_limits")
    Map<String, Object> listRegistered(Caller caller, @RequestParam(name = "service_id", required = false) String serviceId,
            @RequestParam(name = "region_id", required = false) String regionId,
            @RequestParam(name = "resource_name", required = false) String resourceName, HttpServletRequest request) {
        return views.collection("registered_limits", limits.listRegistered(serviceId, regionId, resourceName).stream()
                .map(l -> views.registeredLimit(l, request)).toList(), request);
    }

    @GetMapping("/v3/registered_limits/{id}")
    Map<String, Object> getRegistered(Caller caller, @PathVariable String id, HttpServletRequest request) {
        return Map.of("registered_limit", views.registeredLimit(limits.getRegistered(id), request));
    }

    @PostMapping("/v3/registered_limits")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createRegistered(Caller caller, @Valid @RequestBody RegisteredBatch body,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:create_registered_limits");
        var drafts = body.registeredLimits().stream().map(f -> new LimitService.RegisteredDraft(f.serviceId(),
                f.regionId(), f.resourceName(), f.defaultLimit(), f.description())).toList();
        return Map.of("registered_limits", limits.createRegistered(drafts).stream()
                .map(l -> views.registeredLimit(l, request)).toList());
    }

    @PatchMapping("/v3/registered_limits/{id}")
    Map<String, Object> updateRegistered(Caller caller, @PathVariable String id, @Valid @RequestBody RegisteredBody body,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:update_registered_limit");
        RegisteredFields f = body.registeredLimit();
        return Map.of("registered_limit", views.registeredLimit(
                limits.updateRegistered(id, f.defaultLimit(), f.description()), request));
    }

    @DeleteMapping("/v3/registered_limits/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRegistered(Caller caller, @PathVariable String id) {
        Policy.requireAdmin(caller, "identity:delete_registered_limit");
        limits.deleteRegistered(id);
    }

    @GetMapping("/v3/limits/model")
    Map<String, Object> model(Caller caller) {
        return Map.of("model", Map.of("name", "flat", "description",
                "Limit enforcement and validation does not take project hierarchy into consideration."));
    }

    @GetMapping("/v3/limits")
    Map<String, Object> list(Caller caller, @RequestParam(name = "project_id", required = false) String projectId,
            @RequestParam(name = "service_id", required = false) String serviceId,
            @RequestParam(name = "region_id", required = false) String regionId,
            @RequestParam(name = "resource_name", required = false) String resourceName, HttpServletRequest request) {
        String project = projectId;
        // services enforce every project's quota (as oslo.limit does with its own service user)
        if (!Policy.isAdmin(caller) && !Policy.isService(caller)) {
            if (caller.projectId() == null || (projectId != null && !projectId.equals(caller.projectId()))) {
                return views.collection("limits", List.of(), request);
            }
            project = caller.projectId();
        }
        return views.collection("limits", limits.listLimits(project, serviceId, regionId, resourceName).stream()
                .map(l -> views.limit(l, request)).toList(), request);
    }

    @GetMapping("/v3/limits/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id, HttpServletRequest request) {
        ProjectLimit limit = limits.getLimit(id);
        if (!Policy.canRead(caller, limit.projectId())) {
            throw ApiException.notFound("limit", id);
        }
        return Map.of("limit", views.limit(limit, request));
    }

    @PostMapping("/v3/limits")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @Valid @RequestBody LimitBatch body, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:create_limits");
        var drafts = body.limits().stream().map(f -> new LimitService.LimitDraft(f.projectId(), f.serviceId(),
                f.regionId(), f.resourceName(), f.resourceLimit(), f.description())).toList();
        return Map.of("limits", limits.createLimits(drafts).stream().map(l -> views.limit(l, request)).toList());
    }

    @PatchMapping("/v3/limits/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @Valid @RequestBody LimitBody body,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:update_limit");
        LimitFields f = body.limit();
        return Map.of("limit", views.limit(limits.updateLimit(id, f.resourceLimit(), f.description()), request));
    }

    @DeleteMapping("/v3/limits/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        Policy.requireAdmin(caller, "identity:delete_limit");
        limits.deleteLimit(id);
    }

    record RegisteredBatch(@NotNull @JsonProperty("registered_limits") List<@NotNull @Valid RegisteredFields> registeredLimits) {
    }

    record RegisteredBody(@NotNull @Valid @JsonProperty("registered_limit") RegisteredFields registeredLimit) {
    }

    record RegisteredFields(@JsonProperty("service_id") String serviceId, @JsonProperty("region_id") String regionId,
            @JsonProperty("resource_name") String resourceName, @JsonProperty("default_limit") Integer defaultLimit,
            String description) {
    }

    record LimitBatch(@NotNull List<@NotNull @Valid LimitFields> limits) {
    }

    record LimitBody(@NotNull @Valid LimitFields limit) {
    }

    record LimitFields(@JsonProperty("project_id") String projectId, @JsonProperty("service_id") String serviceId,
            @JsonProperty("region_id") String regionId, @JsonProperty("resource_name") String resourceName,
            @JsonProperty("resource_limit") Integer resourceLimit, String description) {
    }
}
