package io.kumo.volume.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.volume.domain.Snapshot;
import io.kumo.volume.domain.Volume;
import io.kumo.volume.persistence.SnapshotRecords;
import io.kumo.volume.persistence.VolumeRecords;
import org.springframework.stereotype.Component;

/** Volumes and snapshots as a caller may see them: another project's are missing (404), never forbidden. */
@Component
public class VolumeLookup {

    private final VolumeRecords volumes;
    private final SnapshotRecords snapshots;

    VolumeLookup(VolumeRecords volumes, SnapshotRecords snapshots) {
        this.volumes = volumes;
        this.snapshots = snapshots;
    }

    /** A volume the caller may read: its project's, any for admins and for other services (role {@code service}). */
    public Volume volume(Caller caller, String id) {
        Volume volume = volumes.find(id).orElse(null);
        if (volume == null || !(Policy.canRead(caller, volume.projectId()) || Policy.isService(caller))) {
            throw ApiException.notFound("Volume " + id + " could not be found.");
        }
        return volume;
    }

    /** A volume the caller may change: 404 when invisible, 403 when read-only for the caller. */
    public Volume writableVolume(Caller caller, String id, String action) {
        Volume volume = volume(caller, id);
        requireWrite(caller, volume.projectId(), action);
        return volume;
    }

    /**
     * A volume for attachment bookkeeping: the project's members as {@link #writableVolume}, and compute's
     * service user (role {@code service}) for any project's, as it finishes an attach or detach the host
     * carried out after the user's request returned.
     */
    public Volume attachableVolume(Caller caller, String id, String action) {
        return Policy.isService(caller) ? volume(caller, id) : writableVolume(caller, id, action);
    }

    public Snapshot snapshot(Caller caller, String id) {
        Snapshot snapshot = snapshots.find(id).orElse(null);
        if (snapshot == null || !Policy.canRead(caller, snapshot.projectId())) {
            throw ApiException.notFound("Snapshot " + id + " could not be found.");
        }
        return snapshot;
    }

    public Snapshot writableSnapshot(Caller caller, String id, String action) {
        Snapshot snapshot = snapshot(caller, id);
        requireWrite(caller, snapshot.projectId(), action);
        return snapshot;
    }

    static void requireWrite(Caller caller, String projectId, String action) {
        if (!Policy.canWrite(caller, projectId)) {
            throw ApiException.forbidden("Policy doesn't allow " + action + " to be performed.");
        }
    }
}
