package io.kumo.network.api;

import io.kumo.common.auth.Caller;
import io.kumo.network.application.NetworkQuotas;
import io.kumo.network.application.Viewer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.0/quotas/{project_id}[/details]} as Neutron answers them; the limits themselves are set
 * in identity ({@code openstack limit create --service network ...}).
 */
@RestController
class QuotaController {

    private final NetworkQuotas quotas;

    QuotaController(NetworkQuotas quotas) {
        this.quotas = quotas;
    }

    @GetMapping("/v2.0/quotas/{projectId}")
    Map<String, Object> show(Caller caller, @PathVariable String projectId) {
        Map<String, Object> quota = new LinkedHashMap<>();
        quotas.usage(Viewer.of(caller), projectId).forEach((resource, usage) -> quota.put(resource, usage.limit()));
        quota.put("tenant_id", projectId);
        quota.put("project_id", projectId);
        return Map.of("quota", quota);
    }

    @GetMapping("/v2.0/quotas/{projectId}/details")
    Map<String, Object> details(Caller caller, @PathVariable String projectId) {
        Map<String, Object> quota = new LinkedHashMap<>();
        quotas.usage(Viewer.of(caller), projectId).forEach((resource, usage) -> quota.put(resource,
                Map.of("limit", usage.limit(), "used", usage.used(), "reserved", 0)));
        return Map.of("quota", quota);
    }
}
