package io.kumo.volume.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.volume.application.StoragePools;
import io.kumo.volume.domain.StoragePoolState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cinder's {@code GET /scheduler-stats/get_pools} (admin, {@code openstack volume backend pool list}): the
 * pools storage hosts announced, with capacity, what is placed on them and when each was last heard from.
 */
@RestController
class PoolController {

    private final StoragePools pools;

    PoolController(StoragePools pools) {
        this.pools = pools;
    }

    @GetMapping("/v3/{projectId}/scheduler-stats/get_pools")
    Map<String, Object> pools(Caller caller, @RequestParam(name = "detail", required = false) String detail) {
        Policy.requireAdmin(caller, "scheduler_extension:scheduler_stats:get_pools");
        boolean detailed = detail != null && Set.of("true", "1", "yes").contains(detail.toLowerCase());
        List<Map<String, Object>> shown = pools.all().stream().map(p -> view(p, detailed)).toList();
        return Map.of("pools", shown);
    }

    private static Map<String, Object> view(StoragePoolState p, boolean detailed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.cinderHost());
        if (detailed) {
            Map<String, Object> capabilities = new LinkedHashMap<>();
            capabilities.put("volume_backend_name", p.backend());
            capabilities.put("driver", p.driver());
            capabilities.put("storage_protocol", p.driver());
            capabilities.put("availability_zone", p.availabilityZone());
            capabilities.put("total_capacity_gb", p.capacityGb());
            capabilities.put("free_capacity_gb", p.freeGb());
            capabilities.put("allocated_capacity_gb", p.allocatedGb());
            capabilities.put("thin_provisioning_support", true);
            capabilities.put("reserved_percentage", 0);
            capabilities.put("timestamp", CinderTime.format(p.seenAt()));
            m.put("capabilities", capabilities);
        }
        return m;
    }
}
