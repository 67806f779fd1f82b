package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.compute.application.ComputeQuotas;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code os-quota-sets} at 2.1, read from unified limits (Nova's UnifiedLimitsDriver). Limits are set
 * in identity ({@code openstack limit create --service nova …}), so updating or deleting a quota set
 * here is refused with a 400 that says where to do it.
 */
@RestController
class QuotaSetController {

    private static final String MANAGED_IN_IDENTITY = "Compute quotas are unified limits kept by the identity"
            + " service: set them with 'openstack limit create --service nova --project <project> --resource-limit"
            + " <n> <resource>' (servers, class:VCPU, class:MEMORY_MB, server_key_pairs, ...).";

    private final ComputeQuotas quotas;

    QuotaSetController(ComputeQuotas quotas) {
        this.quotas = quotas;
    }

    @GetMapping("/v2.1/os-quota-sets/{projectId}")
    Map<String, Object> show(Caller caller, @PathVariable String projectId) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", projectId);
        quotas.limits(caller, projectId).forEach((quota, limit) -> set.put(quota.novaName(), limit));
        return Map.of("quota_set", set);
    }

    @GetMapping("/v2.1/os-quota-sets/{projectId}/detail")
    Map<String, Object> detail(Caller caller, @PathVariable String projectId) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", projectId);
        quotas.usage(caller, projectId).forEach((quota, usage) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("in_use", usage.inUse());
            v.put("limit", usage.limit());
            v.put("reserved", 0);
            set.put(quota.novaName(), v);
        });
        return Map.of("quota_set", set);
    }

    @GetMapping("/v2.1/os-quota-sets/{projectId}/defaults")
    Map<String, Object> defaults(@PathVariable String projectId) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", projectId);
        quotas.defaults().forEach((quota, limit) -> set.put(quota.novaName(), limit));
        return Map.of("quota_set", set);
    }

    @PutMapping("/v2.1/os-quota-sets/{projectId}")
    void update(Caller caller, @PathVariable String projectId) {
        throw refused(caller, "update");
    }

    @DeleteMapping("/v2.1/os-quota-sets/{projectId}")
    void delete(Caller caller, @PathVariable String projectId) {
        throw refused(caller, "delete");
    }

    private static ApiException refused(Caller caller, String what) {
        return Policy.isAdmin(caller) ? ApiException.badRequest(MANAGED_IN_IDENTITY)
                : ApiException.forbidden("Policy doesn't allow os_compute_api:os-quota-sets:" + what
                        + " to be performed.");
    }
}
