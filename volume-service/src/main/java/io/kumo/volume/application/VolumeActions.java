package io.kumo.volume.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.volume.domain.Attachment;
import io.kumo.volume.domain.Metadata;
import io.kumo.volume.domain.Snapshot;
import io.kumo.volume.domain.SnapshotStatus;
import io.kumo.volume.domain.Volume;
import io.kumo.volume.domain.VolumeStatus;
import io.kumo.volume.persistence.SnapshotRecords;
import io.kumo.volume.persistence.VolumeRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What users and services do to an existing volume: rename, metadata, delete, extend, bootable flag, the
 * attach bookkeeping of Cinder 3.0's actions (reserve, attach, begin/roll detaching, detach), and an
 * operator's reset of a stuck status. Every status change is checked against {@link VolumeStatus} and
 * stored by compare-and-set: of two racing requests, the second sees the first's outcome and is refused.
 */
@Service
public class VolumeActions {

    private final VolumeRecords volumes;
    private final SnapshotRecords snapshots;
    private final VolumeLookup lookup;
    private final VolumeQuotas quotas;
    private final VolumeCommands commands;
    private final StoragePools pools;
    private final TransactionTemplate transactions;
    private final VolumeSettings settings;
    private final Clock clock;

    VolumeActions(VolumeRecords volumes, SnapshotRecords snapshots, VolumeLookup lookup, VolumeQuotas quotas,
            VolumeCommands commands, StoragePools pools, TransactionTemplate transactions, VolumeSettings settings,
            Clock clock) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.lookup = lookup;
        this.quotas = quotas;
        this.commands = commands;
        this.pools = pools;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Renames and describes the volume and, when {@code metadata} is given, replaces its metadata: all or nothing. */
    public Volume update(Caller caller, String id, String name, String description, Map<String, String> metadata) {
        return transactions.execute(tx -> {
            Volume v = lookup.writableVolume(caller, id, "volume:update");
            Volume renamed = v.renamed(name == null ? v.name() : name, description == null ? v.description()
                    : description, clock.instant());
            store(renamed);
            if (metadata != null) {
                volumes.replaceMetadata(id, metadata);
            }
            return volumes.find(id).orElseThrow();
        });
    }

    /** Replaces ({@code replace}) or merges the volume's metadata; answers the metadata now. */
    public Map<String, String> setMetadata(Caller caller, String id, Map<String, String> metadata, boolean replace) {
        return transactions.execute(tx -> {
            Volume v = lookup.writableVolume(caller, id, "volume:update_volume_metadata");
            Map<String, String> next = Metadata.edited(v.metadata(), metadata, replace);
            volumes.replaceMetadata(id, next);
            store(v.renamed(v.name(), v.description(), clock.instant()));
            return next;
        });
    }

    public void deleteMetadata(Caller caller, String id, String key) {
        transactions.executeWithoutResult(tx -> {
            Volume v = lookup.writableVolume(caller, id, "volume:delete_volume_metadata");
            Map<String, String> next = Metadata.without(v.metadata(), key)
                    .orElseThrow(() -> ApiException.notFound("Metadata item was not found"));
            volumes.replaceMetadata(id, next);
            store(v.renamed(v.name(), v.description(), clock.instant()));
        });
    }

    /**
     * Deletes the volume: its host is told to remove it, and the row goes once the host confirms. A volume
     * no host ever kept goes at once. {@code cascade} deletes its snapshots first (Cinder's
     * {@code ?cascade=true}); without it, a volume with snapshots stays.
     */
    public void delete(Caller caller, String id, boolean cascade) {
        transactions.executeWithoutResult(tx -> {
            Volume v = lookup.writableVolume(caller, id, "volume:delete");
            if (!v.status().deletable() || !v.attachments().isEmpty()) {
                throw ApiException.badRequest("Invalid volume: Volume status must be available or error or"
                        + " error_deleting or error_extending and must not be attached or have snapshots; it is "
                        + v.status().wire() + ".");
            }
            if (volumes.creatingFrom(id, null)) {
                throw ApiException.badRequest("Invalid volume: volumes are being copied from volume " + id
                        + "; delete it once they are.");
            }
            List<Snapshot> dependents = snapshots.ofVolume(id);
            if (!dependents.isEmpty() && !cascade) {
                throw ApiException.badRequest("Invalid volume: Volume " + id + " still has dependent snapshots.");
            }
            Instant now = clock.instant();
            for (Snapshot snapshot : dependents) {
                if (!snapshot.status().deletable()) {
                    throw ApiException.badRequest("Invalid volume: snapshot " + snapshot.id() + " of volume " + id
                            + " is " + snapshot.status().wire() + " and cannot be deleted with it.");
                }
                Snapshot deleting = snapshot.inStatus(SnapshotStatus.DELETING, now.plus(settings.taskTimeout()),
                        null, now);
                if (!snapshots.update(deleting)) {
                    throw ApiException.conflict("Snapshot " + snapshot.id() + " was changed by another request; try"
                            + " again.");
                }
                commands.deleteSnapshot(deleting);
            }
            if (v.host() == null) {
                volumes.delete(id);
                return;
            }
            Volume deleting = v.inStatus(VolumeStatus.DELETING, now.plus(settings.taskTimeout()), now);
            store(deleting);
            commands.delete(deleting);
        });
    }

    /**
     * {@code os-force_delete} (admin): deletes the volume whatever its status, for an operator clearing one
     * that is stuck. It must be detached and have no snapshots. When its storage host is down, the record goes
     * at once and the delete waits in the host's queue for its return.
     */
    public void forceDelete(Caller caller, String id) {
        Policy.requireAdmin(caller, "volume_extension:volume_admin_actions:force_delete");
        transactions.executeWithoutResult(tx -> {
            Volume v = lookup.volume(caller, id);
            if (!v.attachments().isEmpty()) {
                throw ApiException.badRequest("Invalid volume: Volume " + id + " is attached; detach it first.");
            }
            if (!snapshots.ofVolume(id).isEmpty()) {
                throw ApiException.badRequest("Invalid volume: Volume " + id + " still has dependent snapshots.");
            }
            if (v.host() == null) {
                volumes.delete(id);
                return;
            }
            Instant now = clock.instant();
            Volume deleting = v.inStatus(VolumeStatus.DELETING, now.plus(settings.taskTimeout()), now);
            store(deleting);
            commands.delete(deleting);
            if (!pools.isUp(v.host(), v.backend())) {
                volumes.delete(id);
            }
        });
    }

    /** {@code os-extend}: grows an available volume (Cinder 3.0 extends only detached volumes). */
    public void extend(Caller caller, String id, int newSizeGb) {
        quotas.prepare(lookup.writableVolume(caller, id, "volume:extend").projectId());
        transactions.executeWithoutResult(tx -> {
            Volume v = lookup.writableVolume(caller, id, "volume:extend");
            if (v.status() != VolumeStatus.AVAILABLE || v.host() == null) {
                throw ApiException.badRequest("Invalid volume: Volume " + id + " status must be 'available' to"
                        + " extend, currently " + v.status().wire() + (v.host() == null ? " on no host" : "") + ".");
            }
            if (newSizeGb <= v.sizeGb()) {
                throw ApiException.badRequest("Invalid input received: New size for extend must be greater than"
                        + " current size. (current: " + v.sizeGb() + ", extended: " + newSizeGb + ").");
            }
            quotas.claimGrowth(v.projectId(), newSizeGb - v.sizeGb());
            Instant now = clock.instant();
            Volume extending = v.inStatus(VolumeStatus.EXTENDING, now.plus(settings.taskTimeout()), now);
            store(extending);
            volumes.setExtendTarget(id, newSizeGb);
            commands.extend(extending, newSizeGb);
        });
    }

    /** {@code os-set_bootable}. */
    public void setBootable(Caller caller, String id, boolean bootable) {
        transactions.executeWithoutResult(tx -> {
            Volume v = lookup.writableVolume(caller, id, "volume_extension:volume_actions:set_bootable");
            store(v.withBootable(bootable, clock.instant()));
        });
    }

    /** {@code os-reserve}: an available volume is about to be attached. */
    public void reserve(Caller caller, String id) {
        transition(caller, id, VolumeStatus.AVAILABLE, VolumeStatus.ATTACHING, "reserve",
                "Volume status must be available to reserve");
    }

    /** {@code os-unreserve}: the attach that reserved it will not happen. */
    public void unreserve(Caller caller, String id) {
        transactions.executeWithoutResult(tx -> {
            Volume v = lookup.attachableVolume(caller, id, "volume_extension:volume_actions:unreserve");
            if (v.status() == VolumeStatus.ATTACHING) {
                store(v.inStatus(v.attachments().isEmpty() ? VolumeStatus.AVAILABLE : VolumeStatus.IN_USE, null,
                        clock.instant()));
            }
        });
    }

    /** {@code os-attach}: the volume is attached to {@code serverId} (or a host) as {@code mountpoint}. */
    public Attachment attach(Caller caller, String id, String serverId, String hostName, String mountpoint,
            String mode) {
        if (mountpoint == null || mountpoint.isBlank()) {
            throw ApiException.badRequest("Invalid input received: mountpoint is required to attach a volume.");
        }
        if (serverId == null && hostName == null) {
            throw ApiException.badRequest("Invalid input received: an attach names instance_uuid or host_name.");
        }
        String attachMode = mode == null ? "rw" : mode;
        if (!attachMode.equals("rw") && !attachMode.equals("ro")) {
            throw ApiException.badRequest("Invalid input received: mode must be rw or ro, not " + attachMode + ".");
        }
        return transactions.execute(tx -> {
            Volume v = lookup.attachableVolume(caller, id, "volume_extension:volume_actions:attach");
            Attachment already = v.attachments().stream().filter(a -> serverId != null
                    && serverId.equals(a.serverId()) && mountpoint.equals(a.mountpoint())).findFirst().orElse(null);
            if (already != null) {
                return already; // the same attach again (a redelivered outcome): it is done
            }
            if ((v.status() != VolumeStatus.AVAILABLE && v.status() != VolumeStatus.ATTACHING)
                    || !v.attachments().isEmpty()) {
                throw ApiException.badRequest("Invalid volume: Volume " + id + " status must be available or"
                        + " attaching to attach, but it is " + v.status().wire() + ".");
            }
            Attachment attachment = new Attachment(UUID.randomUUID().toString(), id, serverId, hostName, mountpoint,
                    attachMode, clock.instant());
            store(v.inStatus(VolumeStatus.IN_USE, null, clock.instant()));
            volumes.insertAttachment(attachment);
            return attachment;
        });
    }

    /**
     * {@code os-initialize_connection}: how the host that attaches the volume reaches it — Cinder's
     * {@code connection_info}. Kumo's backends keep a volume as a file on its storage host ({@code local}: a
     * compute host opens it where the backend's directory is shared with it, or is the storage host itself).
     */
    public Map<String, Object> initializeConnection(Caller caller, String id) {
        Volume v = lookup.attachableVolume(caller, id, "volume_extension:volume_actions:initialize_connection");
        if (v.location() == null || v.host() == null) {
            throw ApiException.badRequest("Invalid volume: Volume " + id + " has no storage to connect to (status "
                    + v.status().wire() + ").");
        }
        if (v.status() != VolumeStatus.ATTACHING && v.status() != VolumeStatus.IN_USE
                && v.status() != VolumeStatus.AVAILABLE) {
            throw ApiException.badRequest("Invalid volume: Volume " + id + " status must be attaching, in-use or"
                    + " available to connect to, but it is " + v.status().wire() + ".");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("device_path", v.location());
        data.put("volume_id", v.id());
        data.put("access_mode", "rw");
        data.put("format", "raw");
        data.put("host", v.host());
        data.put("backend", v.backend());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("driver_volume_type", "local");
        info.put("data", data);
        return info;
    }

    /** {@code os-terminate_connection}: the host let go of the volume; a file needs nothing undone. */
    public void terminateConnection(Caller caller, String id) {
        lookup.attachableVolume(caller, id, "volume_extension:volume_actions:terminate_connection");
    }

    /** {@code os-begin_detaching}. */
    public void beginDetaching(Caller caller, String id) {
        transition(caller, id, VolumeStatus.IN_USE, VolumeStatus.DETACHING, "begin_detaching",
                "Unable to detach volume. Volume status must be 'in-use' and attach_status must be 'attached' to"
                        + " detach");
    }

    /** {@code os-roll_detaching}: a detach that began did not happen. */
    public void rollDetaching(Caller caller, String id) {
        transactions.executeWithoutResult(tx -> {
            Volume v = lookup.attachableVolume(caller, id, "volume_extension:volume_actions:roll_detaching");
            if (v.status() == VolumeStatus.DETACHING) {
                store(v.inStatus(VolumeStatus.IN_USE, null, clock.instant()));
            }
        });
    }

    /** {@code os-detach}: the attachment named (or the only one) is gone. */
    public void detach(Caller caller, String id, String attachmentId) {
        transactions.executeWithoutResult(tx -> {
            Volume v = lookup.attachableVolume(caller, id, "volume_extension:volume_actions:detach");
            Attachment attachment = v.attachments().stream()
                    .filter(a -> attachmentId == null || a.id().equals(attachmentId)).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("Invalid volume: Volume " + id + " is not attached"
                            + (attachmentId == null ? "." : " as " + attachmentId + ".")));
            if (v.status() != VolumeStatus.IN_USE && v.status() != VolumeStatus.DETACHING) {
                throw ApiException.badRequest("Invalid volume: Volume " + id + " status must be in-use or detaching"
                        + " to detach, but it is " + v.status().wire() + ".");
            }
            volumes.deleteAttachment(attachment.id());
            store(v.inStatus(v.attachments().size() > 1 ? VolumeStatus.IN_USE : VolumeStatus.AVAILABLE, null,
                    clock.instant()));
        });
    }

    /** {@code os-reset_status} (admin): sets any status, for an operator mending a stuck volume. */
    public void resetStatus(Caller caller, String id, String status) {
        Policy.requireAdmin(caller, "volume_extension:volume_admin_actions:reset_status");
        VolumeStatus next = VolumeStatus.ofWire(status);
        if (next == null) {
            throw ApiException.badRequest("Invalid input received: '" + status + "' is not a volume status.");
        }
        transactions.executeWithoutResult(tx -> {
            Volume v = lookup.volume(caller, id);
            Instant now = clock.instant();
            // a host-task status keeps its deadline, so the watchdog can still fail it
            store(v.inStatus(next, next.hostTask() ? now.plus(settings.taskTimeout()) : null, now));
        });
    }

    private void transition(Caller caller, String id, VolumeStatus from, VolumeStatus to, String action,
            String refusal) {
        transactions.executeWithoutResult(tx -> {
            Volume v = lookup.writableVolume(caller, id, "volume_extension:volume_actions:" + action);
            if (v.status() != from || !from.canBecome(to)) {
                throw ApiException.badRequest("Invalid volume: " + refusal + ", but the status is "
                        + v.status().wire() + ".");
            }
            store(v.inStatus(to, null, clock.instant()));
        });
    }

    /** Stores a change, or refuses it when another request changed the volume first. */
    private void store(Volume next) {
        if (!volumes.update(next)) {
            throw ApiException.conflict("Volume " + next.id() + " was changed by another request; try again.");
        }
    }
}
