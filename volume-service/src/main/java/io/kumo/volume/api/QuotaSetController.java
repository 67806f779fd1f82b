package io.kumo.volume.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.volume.application.VolumeQuotas;
import io.kumo.volume.application.VolumeTypes;
import io.kumo.volume.domain.VolumeQuota;
import io.kumo.volume.domain.VolumeType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cinder's {@code os-quota-sets}, read from unified limits. The keys Kumo has no use for (backups, groups,
 * per-type quotas) are shown unlimited, as Cinder shows quotas nobody set, so that {@code openstack quota
 * show} and Tempest find every key they expect. Limits are set in identity, so updating or deleting a quota
 * set here is refused with a 400 that says where to do it.
 */
@RestController
class QuotaSetController {

    private static final String MANAGED_IN_IDENTITY = "Block storage quotas are unified limits kept by the identity"
            + " service: set them with 'openstack limit create --service cinder --project <project> --resource-limit"
            + " <n> <resource>' (volumes, gigabytes, snapshots).";
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "t", "y", "on");

    private final VolumeQuotas quotas;
    private final VolumeTypes types;

    QuotaSetController(VolumeQuotas quotas, VolumeTypes types) {
        this.quotas = quotas;
        this.types = types;
    }

    @GetMapping("/v3/{projectId}/os-quota-sets/{target}")
    Map<String, Object> show(Caller caller, @PathVariable("target") String projectId,
            @RequestParam(name = "usage", required = false) String usage) {
        Map<VolumeQuota, VolumeQuotas.Usage> used = quotas.usage(caller, projectId);
        boolean withUsage = usage != null && TRUE.contains(usage.toLowerCase());
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", projectId);
        used.forEach((quota, u) -> set.put(quota.resource(), withUsage ? usage(u.limit(), u.inUse()) : u.limit()));
        unmanaged().forEach((key, limit) -> set.put(key, withUsage ? usage(limit, 0) : limit));
        return Map.of("quota_set", set);
    }

    @GetMapping("/v3/{projectId}/os-quota-sets/{target}/defaults")
    Map<String, Object> defaults(@PathVariable("target") String projectId) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", projectId);
        quotas.defaults().forEach((quota, limit) -> set.put(quota.resource(), limit));
        set.putAll(unmanaged());
        return Map.of("quota_set", set);
    }

    @PutMapping("/v3/{projectId}/os-quota-sets/{target}")
    void update(Caller caller) {
        throw refused(caller, "update");
    }

    @DeleteMapping("/v3/{projectId}/os-quota-sets/{target}")
    void delete(Caller caller) {
        throw refused(caller, "delete");
    }

    /** The quota keys Cinder has that Kumo does not count: unlimited. */
    private Map<String, Long> unmanaged() {
        Map<String, Long> keys = new LinkedHashMap<>();
        keys.put("backups", VolumeQuota.UNLIMITED);
        keys.put("backup_gigabytes", VolumeQuota.UNLIMITED);
        keys.put("per_volume_gigabytes", VolumeQuota.UNLIMITED);
        keys.put("groups", VolumeQuota.UNLIMITED);
        for (VolumeType type : types.all()) {
            keys.put("volumes_" + type.name(), VolumeQuota.UNLIMITED);
            keys.put("gigabytes_" + type.name(), VolumeQuota.UNLIMITED);
            keys.put("snapshots_" + type.name(), VolumeQuota.UNLIMITED);
        }
        return keys;
    }

    private static Map<String, Object> usage(long limit, long inUse) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("limit", limit);
        v.put("in_use", inUse);
        v.put("reserved", 0);
        return v;
    }

    private static ApiException refused(Caller caller, String what) {
        return Policy.isAdmin(caller) ? ApiException.badRequest(MANAGED_IN_IDENTITY)
                : ApiException.forbidden("Policy doesn't allow volume_extension:quotas:" + what + " to be performed.");
    }
}
