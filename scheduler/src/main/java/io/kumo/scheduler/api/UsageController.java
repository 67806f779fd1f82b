package io.kumo.scheduler.api;

import io.kumo.common.auth.Caller;
import io.kumo.scheduler.application.Usages;
import io.kumo.scheduler.domain.PlacementException;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** /usages?project_id= (what quotas count) and /resource_providers/{uuid}/usages. */
@RestController
class UsageController {

    private final Usages usages;

    UsageController(Usages usages) {
        this.usages = usages;
    }

    @GetMapping("/usages")
    Map<String, Object> ofProject(Caller caller, @RequestParam(name = "project_id", required = false) String projectId,
            @RequestParam(name = "user_id", required = false) String userId) {
        PlacementApi.authorize(caller, "usages");
        if (projectId == null || projectId.isBlank()) {
            throw PlacementException.badRequest("Invalid query string parameters: 'project_id' is a required property");
        }
        return Map.of("usages", usages.ofProject(projectId, userId));
    }

    @GetMapping("/resource_providers/{uuid}/usages")
    Map<String, Object> ofProvider(Caller caller, @PathVariable String uuid) {
        PlacementApi.authorize(caller, "resource_providers:usages");
        Usages.ProviderUsage usage = usages.ofProvider(uuid);
        return PlacementApi.map("resource_provider_generation", usage.generation(), "usages", usage.usages());
    }
}
