package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.compute.application.ComputeQuotas;
import io.kumo.compute.domain.ComputeQuota;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Nova's {@code /limits} at 2.1: the caller's project's absolute limits and usage; no rate limits. */
@RestController
class LimitsController {

    private final ComputeQuotas quotas;

    LimitsController(ComputeQuotas quotas) {
        this.quotas = quotas;
    }

    @GetMapping("/v2.1/limits")
    Map<String, Object> limits(Caller caller) {
        Map<ComputeQuota, ComputeQuotas.Usage> u = quotas.usage(caller, caller.projectId());
        Map<String, Object> absolute = new LinkedHashMap<>();
        absolute.put("maxImageMeta", u.get(ComputeQuota.METADATA_ITEMS).limit());
        absolute.put("maxPersonality", u.get(ComputeQuota.INJECTED_FILES).limit());
        absolute.put("maxPersonalitySize", u.get(ComputeQuota.INJECTED_FILE_CONTENT_BYTES).limit());
        absolute.put("maxSecurityGroupRules", u.get(ComputeQuota.SECURITY_GROUP_RULES).limit());
        absolute.put("maxSecurityGroups", u.get(ComputeQuota.SECURITY_GROUPS).limit());
        absolute.put("maxServerGroupMembers", u.get(ComputeQuota.SERVER_GROUP_MEMBERS).limit());
        absolute.put("maxServerGroups", u.get(ComputeQuota.SERVER_GROUPS).limit());
        absolute.put("maxServerMeta", u.get(ComputeQuota.METADATA_ITEMS).limit());
        absolute.put("maxTotalCores", u.get(ComputeQuota.CORES).limit());
        absolute.put("maxTotalFloatingIps", u.get(ComputeQuota.FLOATING_IPS).limit());
        absolute.put("maxTotalInstances", u.get(ComputeQuota.INSTANCES).limit());
        absolute.put("maxTotalKeypairs", u.get(ComputeQuota.KEY_PAIRS).limit());
        absolute.put("maxTotalRAMSize", u.get(ComputeQuota.RAM).limit());
        absolute.put("totalCoresUsed", u.get(ComputeQuota.CORES).inUse());
        absolute.put("totalFloatingIpsUsed", 0);
        absolute.put("totalInstancesUsed", u.get(ComputeQuota.INSTANCES).inUse());
        absolute.put("totalRAMUsed", u.get(ComputeQuota.RAM).inUse());
        absolute.put("totalSecurityGroupsUsed", 0);
        absolute.put("totalServerGroupsUsed", u.get(ComputeQuota.SERVER_GROUPS).inUse());
        return Map.of("limits", Map.of("absolute", absolute, "rate", List.of()));
    }
}
