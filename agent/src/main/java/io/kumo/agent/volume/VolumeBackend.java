package io.kumo.agent.volume;

import io.kumo.common.contract.volume.StoragePool;
import java.util.Optional;

/**
 * One place a storage host keeps volumes and their snapshots — a directory of files, a btrfs subvolume, an LVM
 * volume group, a Ceph pool — behind the tasks volume-service asks for. Written against the file backend first,
 * shaped for the others: a volume and a snapshot are named by their ids alone, a new volume starts blank or
 * from a snapshot, another volume or an image file, and sizes are whole GiB as Cinder's are.
 *
 * <p>Every task is idempotent, because a command is redelivered when its answer was not confirmed: creating a
 * volume or snapshot that is there already succeeds without touching it, deleting one that is gone succeeds,
 * extending to a size the volume has already succeeds. A task that cannot be done throws a
 * {@link VolumeFailure} whose message says why (it is what volume-service shows), and leaves nothing half-made
 * under the volume's or snapshot's name. Ids are checked to be UUIDs before they name anything on the host.
 */
public interface VolumeBackend {

    /** The backend's name, unique on its host (volume types choose it by {@code volume_backend_name}). */
    String name();

    /** What keeps the volumes: {@code file}, later {@code btrfs}, {@code lvm}, {@code rbd}. */
    String driver();

    /** A volume of {@code sizeGb} GiB that reads as zeros; returns its location. */
    String createBlank(String volumeId, int sizeGb);

    /**
     * A volume with the snapshot's contents, grown to {@code sizeGb} GiB (which must not be smaller than the
     * snapshot); it does not change when the snapshot or its volume does. Returns its location.
     */
    String createFromSnapshot(String volumeId, String snapshotId, int sizeGb);

    /** A volume with another volume's contents now, grown to {@code sizeGb} GiB; returns its location. */
    String createFromVolume(String volumeId, String sourceVolumeId, int sizeGb);

    /**
     * A volume with the image's disk written into it (converted to raw), grown to {@code sizeGb} GiB; refused
     * when the image's virtual size does not fit. Returns its location.
     */
    String createFromImage(String volumeId, ImageFile image, int sizeGb);

    /** Removes the volume; a volume that is not there is not an error. */
    void deleteVolume(String volumeId);

    /** Grows the volume to {@code sizeGb} GiB; a volume is never shrunk. Returns its location. */
    String extendVolume(String volumeId, int sizeGb);

    /** A point-in-time copy of the volume, independent of it from then on. */
    void createSnapshot(String volumeId, String snapshotId);

    /** Removes the snapshot (volumes made from it keep their contents); one that is not there is not an error. */
    void deleteSnapshot(String volumeId, String snapshotId);

    /** How large the storage under the backend is and how much of it is free, as volume-service is told. */
    StoragePool capacity();

    /** Where the volume is, for attaching it to a guest (a file path here); empty when it does not exist. */
    Optional<String> location(String volumeId);
}
