package io.kumo.agent.volume;

import io.kumo.agent.driver.Btrfs;
import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.InstanceFiles;
import io.kumo.common.contract.volume.StoragePool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Volumes on a btrfs file system the operator mounted (a pool of devices): each volume is a subvolume
 * {@code volume-<uuid>} holding one sparse raw file {@code disk}, made NOCOW before it has data (a guest's
 * random writes do not fragment it or pay for checksums), under a quota group limit of its size plus a margin
 * for metadata, so a volume never takes more than its size from the pool however the guest writes. A snapshot
 * is a read-only snapshot of the subvolume ({@code snapshot-<uuid>}), a volume made from a snapshot or another
 * volume a writable snapshot — both instant whatever the size, sharing extents until written, and each
 * standing alone (btrfs has no chains: a snapshot can be deleted whatever was made from it).
 *
 * <p>Every new subvolume is made as {@code <name>.partial}, its disk flushed, and renamed to its name (btrfs
 * renames a subvolume like a directory), so a crash or a failed conversion never leaves a half volume that a
 * redelivered command would take for a finished one. Deleting a volume or snapshot also removes its quota
 * group. Tasks on one volume or snapshot run one at a time.
 */
public final class BtrfsVolumeBackend implements VolumeBackend {

    public static final String DRIVER = "btrfs";

    private static final Logger log = LoggerFactory.getLogger(BtrfsVolumeBackend.class);
    private static final String DISK = "disk";
    /** The least room a volume's quota group leaves beyond its disk, for the subvolume's own metadata. */
    private static final long MIN_QUOTA_MARGIN = 64L << 20;

    private final String name;
    private final Path dir;
    private final HostCommands commands;
    private final Btrfs btrfs;
    private final Duration copyTimeout;
    private final BackendDirectory subvolumes;

    /**
     * @param dir         a directory on a mounted btrfs file system; quota groups are turned on for it
     * @param copyTimeout how long one image conversion, or the cleaning of a deleted subvolume, may take
     * @throws IllegalArgumentException when the directory is missing, not on btrfs, or quotas cannot be enabled
     */
    public BtrfsVolumeBackend(String name, Path dir, Duration copyTimeout) {
        if (!dir.isAbsolute() || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("volume backend '" + name + "': " + dir + " is not an existing"
                    + " directory given by its absolute path (mount the btrfs file system and create it first)");
        }
        this.name = name;
        this.dir = dir;
        this.commands = new HostCommands(Duration.ofMinutes(1));
        this.btrfs = new Btrfs(commands);
        this.copyTimeout = copyTimeout;
        this.subvolumes = new BackendDirectory(name, dir, this::deleteQuietly);
        requireBtrfsWithQuotas();
    }

    private void requireBtrfsWithQuotas() {
        try {
            String type = btrfs.fileSystemType(dir);
            if (!type.equals(DRIVER)) {
                throw new IllegalArgumentException("volume backend '" + name + "': " + dir + " is on a " + type
                        + " file system, not btrfs (mount a btrfs file system there, or use driver file)");
            }
            btrfs.enableQuotas(dir);
        } catch (HostCommands.HostCommandFailed e) {
            throw new IllegalArgumentException("volume backend '" + name + "': quota groups cannot be enabled on "
                    + dir + ", which the btrfs driver needs to hold each volume to its size: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String driver() {
        return DRIVER;
    }

    @Override
    public String createBlank(String volumeId, int sizeGb) {
        long bytes = VolumeSizes.bytes(sizeGb);
        return create(volume(volumeId), partial -> {
            btrfs.createSubvolume(partial);
            newDisk(partial, bytes);
        });
    }

    @Override
    public String createFromSnapshot(String volumeId, String snapshotId, int sizeGb) {
        return cloneInto(volume(volumeId), snapshot(snapshotId), "snapshot " + snapshotId, sizeGb);
    }

    @Override
    public String createFromVolume(String volumeId, String sourceVolumeId, int sizeGb) {
        return cloneInto(volume(volumeId), volume(sourceVolumeId), "volume " + sourceVolumeId, sizeGb);
    }

    @Override
    public String createFromImage(String volumeId, ImageFile image, int sizeGb) {
        long bytes = VolumeSizes.bytes(sizeGb);
        return create(volume(volumeId), partial -> {
            image.requireFits(sizeGb);
            btrfs.createSubvolume(partial);
            Path disk = newDisk(partial, bytes);
            // -n: into the NOCOW disk made above, which is as large as the volume already
            commands.run(List.of("qemu-img", "convert", "-q", "-n", "-f", image.format(), "-O", "raw",
                    image.file().toAbsolutePath().toString(), disk.toString()), copyTimeout, null);
        });
    }

    @Override
    public void deleteVolume(String volumeId) {
        remove(volume(volumeId));
    }

    @Override
    public String extendVolume(String volumeId, int sizeGb) {
        Path volume = volume(volumeId);
        long bytes = VolumeSizes.bytes(sizeGb);
        return subvolumes.exclusively(volume, () -> {
            Path disk = existing(volume, "volume " + volumeId);
            try {
                long size = Math.max(Files.size(disk), bytes);
                btrfs.limitReferenced(volume, quotaOf(size)); // first: the larger disk is never over its limit
                SparseFiles.grow(disk, size);
                return disk.toString();
            } catch (IOException | HostCommands.HostCommandFailed e) {
                throw new VolumeFailure("volume " + volumeId + " on backend " + name + " could not be extended: "
                        + e.getMessage(), e);
            }
        });
    }

    @Override
    public void createSnapshot(String volumeId, String snapshotId) {
        Path volume = volume(volumeId);
        create(snapshot(snapshotId), partial -> {
            existing(volume, "volume " + volumeId);
            btrfs.readOnlySnapshot(volume, partial);
        });
    }

    @Override
    public void deleteSnapshot(String volumeId, String snapshotId) {
        remove(snapshot(snapshotId)); // named by its own id: the volume's is not needed here
    }

    @Override
    public StoragePool capacity() {
        try {
            Btrfs.Usage usage = btrfs.usage(dir);
            return new StoragePool(name, DRIVER, usage.totalBytes() >> 30, usage.freeBytes() >> 30);
        } catch (HostCommands.HostCommandFailed | IllegalStateException e) {
            throw new VolumeFailure("backend " + name + " cannot read the usage of " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> location(String volumeId) {
        Path disk = volume(volumeId).resolve(DISK);
        return Files.isRegularFile(disk) ? Optional.of(disk.toString()) : Optional.empty();
    }

    /** Fills a subvolume under its partial name. */
    @FunctionalInterface
    private interface Content {
        void make(Path partial) throws IOException;
    }

    /** The subvolume {@code target} made by {@code content} unless it is there; returns its disk's path. */
    private String create(Path target, Content content) {
        subvolumes.make(target, Files::isDirectory, partial -> {
            content.make(partial);
            SparseFiles.flush(partial.resolve(DISK));
        });
        return target.resolve(DISK).toString();
    }

    /** {@code volume} as a writable snapshot of {@code source}'s subvolume, grown to its size and limited to it. */
    private String cloneInto(Path volume, Path source, String what, int sizeGb) {
        long bytes = VolumeSizes.bytes(sizeGb);
        return create(volume, partial -> {
            VolumeSizes.requireHolds(sizeGb, what, Files.size(existing(source, what)));
            btrfs.snapshot(source, partial);
            btrfs.limitReferenced(partial, quotaOf(bytes)); // its own, not the source's (a snapshot copies limits)
            SparseFiles.grow(partial.resolve(DISK), bytes);
        });
    }

    /** An empty NOCOW disk file in a new subvolume, grown to {@code bytes}, and the subvolume's limit. */
    private Path newDisk(Path subvolume, long bytes) throws IOException {
        InstanceFiles.traversable(subvolume);
        Path disk = Files.createFile(subvolume.resolve(DISK),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        commands.run(List.of("chattr", "+C", disk.toString())); // only takes effect while the file is empty
        btrfs.limitReferenced(subvolume, quotaOf(bytes));
        SparseFiles.grow(disk, bytes);
        return disk;
    }

    /**
     * The quota group limit of a volume of {@code bytes}: its size and room for its subvolume's metadata and for
     * the old extents a rewrite of shared data keeps referenced until it is whole (1/64 of the size, at least
     * 64 MiB).
     */
    static long quotaOf(long bytes) {
        return bytes + Math.max(MIN_QUOTA_MARGIN, bytes / 64);
    }

    private void remove(Path subvolume) {
        subvolumes.exclusively(subvolume, () -> {
            try {
                btrfs.deleteSubvolumeAndQgroup(BackendDirectory.partialOf(subvolume), copyTimeout);
                if (Files.isDirectory(subvolume)) {
                    btrfs.deleteSubvolumeAndQgroup(subvolume, copyTimeout);
                    log.info("Removed {} and its quota group from backend {}", subvolume.getFileName(), name);
                }
                return null;
            } catch (HostCommands.HostCommandFailed e) {
                throw new VolumeFailure(subvolume.getFileName() + " could not be removed from backend " + name + ": "
                        + e.getMessage(), e);
            }
        });
    }

    /** The subvolume's disk file. */
    private Path existing(Path subvolume, String what) {
        Path disk = subvolume.resolve(DISK);
        if (!Files.isRegularFile(disk)) {
            throw new VolumeFailure(what + " does not exist on backend " + name);
        }
        return disk;
    }

    private Path volume(String volumeId) {
        return subvolumes.volume(volumeId);
    }

    private Path snapshot(String snapshotId) {
        return subvolumes.snapshot(snapshotId);
    }

    private void deleteQuietly(Path partial) {
        try {
            btrfs.deleteSubvolumeAndQgroup(partial, copyTimeout);
        } catch (HostCommands.HostCommandFailed e) {
            log.warn("{} could not be removed from backend {}: {}", partial.getFileName(), name, e.getMessage());
        }
    }
}
