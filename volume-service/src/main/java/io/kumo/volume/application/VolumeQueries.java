package io.kumo.volume.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.volume.domain.Snapshot;
import io.kumo.volume.domain.SnapshotStatus;
import io.kumo.volume.domain.Volume;
import io.kumo.volume.domain.VolumeQuery;
import io.kumo.volume.domain.VolumeSort;
import io.kumo.volume.persistence.SnapshotRecords;
import io.kumo.volume.persistence.VolumeRecords;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volume and snapshot lists: a caller sees its project's; an admin with {@code all_tenants} sees every
 * project's (or one named project's). Pages are newest first, after a marker the caller can see.
 */
@Service
public class VolumeQueries {

    private final VolumeRecords volumes;
    private final SnapshotRecords snapshots;
    private final VolumeLookup lookup;

    VolumeQueries(VolumeRecords volumes, SnapshotRecords snapshots, VolumeLookup lookup) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.lookup = lookup;
    }

    /**
     * @param allTenants the caller asked for every project's volumes (honoured for admins only, as in Cinder)
     * @param projectId  with allTenants, only this project's (null: all)
     */
    @Transactional(readOnly = true)
    public List<Volume> volumes(Caller caller, VolumeQuery filters, VolumeSort sort, boolean allTenants,
            String projectId, String marker, int limit) {
        String scope = Policy.isAdmin(caller) && allTenants ? projectId : caller.projectId();
        Volume after = marker == null ? null : lookup.volume(caller, marker);
        return volumes.list(filters.inProject(scope), sort, after, limit);
    }

    @Transactional(readOnly = true)
    public List<Snapshot> snapshots(Caller caller, String name, SnapshotStatus status, String volumeId,
            boolean allTenants, String projectId, String marker, int limit) {
        String scope = Policy.isAdmin(caller) && allTenants ? projectId : caller.projectId();
        Snapshot after = marker == null ? null : lookup.snapshot(caller, marker);
        return snapshots.list(scope, name, status, volumeId, after, limit);
    }
}
