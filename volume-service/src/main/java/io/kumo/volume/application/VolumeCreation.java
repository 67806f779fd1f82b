package io.kumo.volume.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.contract.volume.VolumeSource;
import io.kumo.common.error.ApiException;
import io.kumo.volume.client.ImageService;
import io.kumo.volume.domain.Snapshot;
import io.kumo.volume.domain.SnapshotStatus;
import io.kumo.volume.domain.StoragePoolState;
import io.kumo.volume.domain.Volume;
import io.kumo.volume.domain.VolumeStatus;
import io.kumo.volume.domain.VolumeType;
import io.kumo.volume.persistence.SnapshotRecords;
import io.kumo.volume.persistence.VolumeRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating a volume: the request checked (size, type, source), a storage pool chosen (the source's own for
 * copies of a snapshot or volume, which live next to it), the quota claimed and the volume stored together
 * with its host's command. Like Cinder, a volume no pool can take is still created, in {@code error}, with
 * the reason kept for operators; everything wrong with the request itself is a 4xx and creates nothing.
 */
@Service
public class VolumeCreation {

    private final VolumeRecords volumes;
    private final SnapshotRecords snapshots;
    private final VolumeLookup lookup;
    private final VolumeTypes types;
    private final StoragePools pools;
    private final VolumeQuotas quotas;
    private final VolumeCommands commands;
    private final ObjectProvider<ImageService> images;
    private final TransactionTemplate transactions;
    private final VolumeSettings settings;
    private final Clock clock;

    VolumeCreation(VolumeRecords volumes, SnapshotRecords snapshots, VolumeLookup lookup, VolumeTypes types,
            StoragePools pools, VolumeQuotas quotas, VolumeCommands commands, ObjectProvider<ImageService> images,
            TransactionTemplate transactions, VolumeSettings settings, Clock clock) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.lookup = lookup;
        this.types = types;
        this.pools = pools;
        this.quotas = quotas;
        this.commands = commands;
        this.images = images;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Where a new volume comes from, checked. */
    private record Origin(VolumeSource source, int minimumGb, String typeId, String host, String backend,
            String availabilityZone, boolean bootable) {
    }

    public Volume create(Caller caller, NewVolume request) {
        VolumeLookup.requireWrite(caller, caller.projectId(), "volume:create");
        long sources = Stream.of(request.snapshotId(), request.sourceVolId(), request.imageId())
                .filter(s -> s != null).count();
        if (sources > 1) {
            throw ApiException.badRequest("Invalid input received: only one of snapshot_id, source_volid and imageRef"
                    + " may be given.");
        }
        Origin origin = origin(caller, request);
        if (request.sizeGb() == null && origin.minimumGb() == 0) {
            throw ApiException.badRequest("Invalid input received: Volume size 'None' must be an integer and greater"
                    + " than 0.");
        }
        int size = request.sizeGb() == null ? origin.minimumGb() : request.sizeGb();
        if (size < origin.minimumGb()) {
            throw ApiException.badRequest("Invalid input received: Volume size '" + size + "' must be equal or greater"
                    + " than its source's size (" + origin.minimumGb() + "G).");
        }
        VolumeType type = request.type() != null ? types.find(caller, request.type())
                : origin.typeId() != null ? types.byId(origin.typeId()) : types.defaultType();
        if (origin.host() != null && type.backend() != null && !type.backend().equals(origin.backend())) {
            throw ApiException.badRequest("Invalid volume_type provided: " + type.name() + " (its backend is not the"
                    + " source's; a copy stays next to its source, so omit the type).");
        }
        if (origin.availabilityZone() != null && request.availabilityZone() != null
                && !request.availabilityZone().equals(origin.availabilityZone())) {
            throw ApiException.badRequest("Invalid input received: a copy stays in its source's availability zone "
                    + origin.availabilityZone() + ", not " + request.availabilityZone() + ".");
        }
        Optional<StoragePoolState> pool = origin.host() != null ? Optional.empty()
                : pools.choose(type.backend(), request.availabilityZone(), size);
        String host = origin.host() != null ? origin.host() : pool.map(StoragePoolState::host).orElse(null);
        String backend = origin.backend() != null ? origin.backend() : pool.map(StoragePoolState::backend).orElse(null);
        String zone = request.availabilityZone() != null ? request.availabilityZone()
                : origin.availabilityZone() != null ? origin.availabilityZone()
                : pool.map(StoragePoolState::availabilityZone).orElse("nova");
        Instant now = clock.instant();
        boolean placed = host != null;
        Volume volume = new Volume(UUID.randomUUID().toString(), caller.projectId(), caller.userId(), request.name(),
                request.description(), size, placed ? VolumeStatus.CREATING : VolumeStatus.ERROR, type.id(), zone,
                origin.bootable(), request.snapshotId(), request.sourceVolId(), request.imageId(), host, backend, null,
                placed ? null : noValidBackend(type, request.availabilityZone(), size),
                placed ? now.plus(settings.createTimeout(size, request.snapshotId() != null
                        || request.sourceVolId() != null || request.imageId() != null)) : null, now, null, 0,
                request.metadata(), List.of());
        quotas.prepare(caller.projectId());
        transactions.executeWithoutResult(tx -> {
            holdSource(request);
            quotas.claimVolume(caller.projectId(), size);
            volumes.insert(volume);
            if (placed) {
                commands.create(volume, origin.source());
            }
        });
        return volume;
    }

    private Origin origin(Caller caller, NewVolume request) {
        if (request.snapshotId() != null) {
            Snapshot snapshot = lookup.snapshot(caller, request.snapshotId());
            if (snapshot.status() != SnapshotStatus.AVAILABLE) {
                throw ApiException.badRequest("Invalid snapshot: Originating snapshot status must be one of 'available'"
                        + " values, but it is " + snapshot.status().wire() + ".");
            }
            Volume parent = volumes.find(snapshot.volumeId()).orElseThrow(() -> ApiException.badRequest(
                    "Invalid snapshot: the volume of snapshot " + snapshot.id() + " is gone."));
            return new Origin(new VolumeSource(VolumeSource.Kind.SNAPSHOT, snapshot.id()), snapshot.sizeGb(),
                    parent.typeId(), parent.host(), parent.backend(), parent.availabilityZone(), parent.bootable());
        }
        if (request.sourceVolId() != null) {
            Volume source = lookup.volume(caller, request.sourceVolId());
            if (source.status() != VolumeStatus.AVAILABLE && source.status() != VolumeStatus.IN_USE) {
                throw ApiException.badRequest("Invalid volume: Volume " + source.id() + " status must be available or"
                        + " in-use to be cloned, but it is " + source.status().wire() + ".");
            }
            return new Origin(new VolumeSource(VolumeSource.Kind.VOLUME, source.id()), source.sizeGb(),
                    source.typeId(), source.host(), source.backend(), source.availabilityZone(), source.bootable());
        }
        if (request.imageId() != null) {
            ImageService.Image image = imageService().get(caller.rawToken(), request.imageId());
            if (!"active".equals(image.status())) {
                throw ApiException.badRequest("Invalid image: Image " + image.id() + " is not active.");
            }
            return new Origin(new VolumeSource(VolumeSource.Kind.IMAGE, image.id()), image.neededGb(), null, null,
                    null, null, true);
        }
        return new Origin(VolumeSource.blank(), 0, null, null, null, null, false);
    }

    /**
     * The source is re-read in the creating transaction and its version moved: a delete of the source
     * racing this create loses its compare-and-set (or this create does), so no copy starts from a source
     * that is being deleted. A delete that comes later sees the copy in {@code creating} and is refused.
     */
    private void holdSource(NewVolume request) {
        if (request.snapshotId() != null) {
            Snapshot snapshot = snapshots.find(request.snapshotId()).filter(s -> s.status() == SnapshotStatus.AVAILABLE)
                    .orElseThrow(() -> ApiException.badRequest("Invalid snapshot: snapshot " + request.snapshotId()
                            + " is no longer available."));
            if (!snapshots.update(snapshot.renamed(snapshot.name(), snapshot.description(), snapshot.updatedAt()))) {
                throw ApiException.conflict("Snapshot " + snapshot.id() + " was changed by another request; try"
                        + " again.");
            }
        }
        if (request.sourceVolId() != null) {
            Volume source = volumes.find(request.sourceVolId()).filter(v -> v.status() == VolumeStatus.AVAILABLE
                    || v.status() == VolumeStatus.IN_USE).orElseThrow(() -> ApiException.badRequest(
                            "Invalid volume: volume " + request.sourceVolId() + " is no longer available."));
            if (!volumes.update(source.renamed(source.name(), source.description(), source.updatedAt()))) {
                throw ApiException.conflict("Volume " + source.id() + " was changed by another request; try again.");
            }
        }
    }

    private ImageService imageService() {
        ImageService service = images.getIfAvailable();
        if (service == null) {
            throw ApiException.badRequest("Invalid input received: volumes from images need image-service, which this"
                    + " deployment does not name.");
        }
        return service;
    }

    private static String noValidBackend(VolumeType type, String zone, int size) {
        return "No valid backend was found. No storage pool" + (type.backend() == null ? ""
                : " of backend '" + type.backend() + "'") + (zone == null ? "" : " in zone '" + zone + "'")
                + " is up with room for " + size + "G.";
    }
}
