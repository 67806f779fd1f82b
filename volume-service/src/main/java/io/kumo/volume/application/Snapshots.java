package io.kumo.volume.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.volume.domain.Metadata;
import io.kumo.volume.domain.Snapshot;
import io.kumo.volume.domain.SnapshotStatus;
import io.kumo.volume.domain.Volume;
import io.kumo.volume.domain.VolumeStatus;
import io.kumo.volume.persistence.SnapshotRecords;
import io.kumo.volume.persistence.VolumeRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Snapshots of volumes: made and removed by the volume's storage host, counted against the project's
 * {@code snapshots} and {@code gigabytes} quotas. An in-use volume is snapshotted only with {@code force}
 * (the guest may be writing), as in Cinder before 3.66.
 */
@Service
public class Snapshots {

    private final SnapshotRecords snapshots;
    private final VolumeRecords volumes;
    private final VolumeLookup lookup;
    private final VolumeQuotas quotas;
    private final VolumeCommands commands;
    private final TransactionTemplate transactions;
    private final VolumeSettings settings;
    private final Clock clock;

    Snapshots(SnapshotRecords snapshots, VolumeRecords volumes, VolumeLookup lookup, VolumeQuotas quotas,
            VolumeCommands commands, TransactionTemplate transactions, VolumeSettings settings, Clock clock) {
        this.snapshots = snapshots;
        this.volumes = volumes;
        this.lookup = lookup;
        this.quotas = quotas;
        this.commands = commands;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    public Snapshot create(Caller caller, String volumeId, String name, String description, boolean force,
            Map<String, String> metadata) {
        if (volumeId == null || volumeId.isBlank()) {
            throw ApiException.badRequest("Invalid input for field/attribute volume_id: 'volume_id' is a required"
                    + " property.");
        }
        Volume probe = lookup.writableVolume(caller, volumeId, "volume:create_snapshot");
        quotas.prepare(probe.projectId());
        return transactions.execute(tx -> {
            Volume volume = lookup.writableVolume(caller, volumeId, "volume:create_snapshot");
            boolean ready = volume.host() != null && (volume.status() == VolumeStatus.AVAILABLE
                    || (force && volume.status() == VolumeStatus.IN_USE));
            if (!ready) {
                throw ApiException.badRequest("Invalid volume: Volume " + volumeId + " status must be available"
                        + (force ? " or in-use" : "") + ", but current status is: " + volume.status().wire() + ".");
            }
            quotas.claimSnapshot(volume.projectId(), volume.sizeGb());
            Instant now = clock.instant();
            Snapshot snapshot = new Snapshot(UUID.randomUUID().toString(), volume.projectId(), caller.userId(),
                    volumeId, name, description, volume.sizeGb(), SnapshotStatus.CREATING, volume.host(),
                    volume.backend(), null,
                    now.plus(settings.taskTimeout()), now, null, 0, metadata == null ? Map.of() : metadata);
            snapshots.insert(snapshot);
            // the volume's version moves, so a delete racing with this snapshot sees it and is refused
            if (!volumes.update(volume.renamed(volume.name(), volume.description(), volume.updatedAt()))) {
                throw ApiException.conflict("Volume " + volumeId + " was changed by another request; try again.");
            }
            commands.createSnapshot(snapshot);
            return snapshot;
        });
    }

    public Snapshot update(Caller caller, String id, String name, String description) {
        return transactions.execute(tx -> {
            Snapshot s = lookup.writableSnapshot(caller, id, "volume:update_snapshot");
            Snapshot renamed = s.renamed(name == null ? s.name() : name,
                    description == null ? s.description() : description, clock.instant());
            store(renamed);
            return renamed;
        });
    }

    public Map<String, String> setMetadata(Caller caller, String id, Map<String, String> metadata, boolean replace) {
        return transactions.execute(tx -> {
            Snapshot s = lookup.writableSnapshot(caller, id, "volume:update_snapshot_metadata");
            Map<String, String> next = Metadata.edited(s.metadata(), metadata, replace);
            snapshots.replaceMetadata(id, next);
            store(s.renamed(s.name(), s.description(), clock.instant()));
            return next;
        });
    }

    public void deleteMetadata(Caller caller, String id, String key) {
        transactions.executeWithoutResult(tx -> {
            Snapshot s = lookup.writableSnapshot(caller, id, "volume:delete_snapshot_metadata");
            Map<String, String> next = Metadata.without(s.metadata(), key)
                    .orElseThrow(() -> ApiException.notFound("Metadata item was not found"));
            snapshots.replaceMetadata(id, next);
            store(s.renamed(s.name(), s.description(), clock.instant()));
        });
    }

    public void delete(Caller caller, String id) {
        transactions.executeWithoutResult(tx -> {
            Snapshot s = lookup.writableSnapshot(caller, id, "volume:delete_snapshot");
            if (!s.status().deletable()) {
                throw ApiException.badRequest("Invalid snapshot: Snapshot status must be available or error and must"
                        + " not be part of a group; it is " + s.status().wire() + ".");
            }
            if (volumes.creatingFrom(null, id)) {
                throw ApiException.badRequest("Invalid snapshot: volumes are being made from snapshot " + id
                        + "; delete it once they are.");
            }
            Instant now = clock.instant();
            Snapshot deleting = s.inStatus(SnapshotStatus.DELETING, now.plus(settings.taskTimeout()), null, now);
            store(deleting);
            commands.deleteSnapshot(deleting);
        });
    }

    private void store(Snapshot next) {
        if (!snapshots.update(next)) {
            throw ApiException.conflict("Snapshot " + next.id() + " was changed by another request; try again.");
        }
    }
}
