package io.kumo.volume.api;

import io.kumo.common.auth.Caller;
import io.kumo.volume.application.VolumeQuotas;
import io.kumo.volume.domain.VolumeQuota;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Cinder's {@code /limits}: the caller's project's absolute limits and usage (exactly Cinder's ten keys). */
@RestController
class LimitsController {

    private final VolumeQuotas quotas;

    LimitsController(VolumeQuotas quotas) {
        this.quotas = quotas;
    }

    @GetMapping("/v3/{projectId}/limits")
    Map<String, Object> limits(Caller caller) {
        Map<VolumeQuota, VolumeQuotas.Usage> used = quotas.usage(caller, caller.projectId());
        Map<String, Object> absolute = new LinkedHashMap<>();
        absolute.put("totalSnapshotsUsed", used.get(VolumeQuota.SNAPSHOTS).inUse());
        absolute.put("maxTotalBackups", VolumeQuota.UNLIMITED);
        absolute.put("maxTotalVolumeGigabytes", used.get(VolumeQuota.GIGABYTES).limit());
        absolute.put("maxTotalSnapshots", used.get(VolumeQuota.SNAPSHOTS).limit());
        absolute.put("maxTotalBackupGigabytes", VolumeQuota.UNLIMITED);
        absolute.put("totalBackupGigabytesUsed", 0);
        absolute.put("maxTotalVolumes", used.get(VolumeQuota.VOLUMES).limit());
        absolute.put("totalVolumesUsed", used.get(VolumeQuota.VOLUMES).inUse());
        absolute.put("totalBackupsUsed", 0);
        absolute.put("totalGigabytesUsed", used.get(VolumeQuota.GIGABYTES).inUse());
        return Map.of("limits", Map.of("rate", List.of(), "absolute", absolute));
    }
}
