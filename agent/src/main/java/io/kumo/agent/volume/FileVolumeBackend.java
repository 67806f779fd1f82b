package io.kumo.agent.volume;

import io.kumo.agent.driver.HostCommands;
import io.kumo.common.contract.volume.StoragePool;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Volumes as sparse raw files in one directory — a local file system or an NFS mount, as Cinder's NFS driver
 * keeps them: {@code volume-<uuid>} and {@code snapshot-<uuid>}. A snapshot or a clone is a copy made with
 * {@code cp --reflink=auto --sparse=always}: a reflink (shared extents, copy-on-write, instant) where the file
 * system offers one (btrfs, XFS, NFS 4.2 server-side clone), else a copy that keeps the holes. Unlike qcow2
 * chains, every file stands alone, so a snapshot can be deleted whatever was made from it.
 *
 * <p>Every new file is written under {@code <name>.partial}, flushed to disk, and only then renamed to its
 * name (atomic within a directory, NFS included): a crash or a failed copy never leaves a half volume that a
 * redelivered command would take for a finished one. Tasks on one volume or snapshot run one at a time.
 */
public final class FileVolumeBackend implements VolumeBackend {

    public static final String DRIVER = "file";

    private static final Logger log = LoggerFactory.getLogger(FileVolumeBackend.class);
    /** Volumes hold tenants' data: readable by the agent only, from the moment the file exists. */
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final String name;
    private final Path dir;
    private final HostCommands commands;
    private final Duration copyTimeout;
    private final BackendDirectory files;

    /**
     * @param dir         the directory the files live in; it must exist (an NFS export is mounted by the
     *                    operator: a missing mount must not quietly become a local directory)
     * @param copyTimeout how long one copy or image conversion may take
     */
    public FileVolumeBackend(String name, Path dir, Duration copyTimeout) {
        if (!dir.isAbsolute() || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("volume backend '" + name + "': " + dir
                    + " is not an existing directory given by its absolute path (create or mount it first)");
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("volume backend '" + name + "': the agent cannot write to " + dir);
        }
        this.name = name;
        this.dir = dir;
        this.commands = new HostCommands(Duration.ofMinutes(1));
        this.copyTimeout = copyTimeout;
        this.files = new BackendDirectory(name, dir, FileVolumeBackend::deleteQuietly);
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
        return create(volumeFile(volumeId), partial -> SparseFiles.grow(partial, bytes));
    }

    @Override
    public String createFromSnapshot(String volumeId, String snapshotId, int sizeGb) {
        return copyInto(volumeFile(volumeId), snapshotFile(snapshotId), "snapshot " + snapshotId, sizeGb);
    }

    @Override
    public String createFromVolume(String volumeId, String sourceVolumeId, int sizeGb) {
        return copyInto(volumeFile(volumeId), volumeFile(sourceVolumeId), "volume " + sourceVolumeId, sizeGb);
    }

    @Override
    public String createFromImage(String volumeId, ImageFile image, int sizeGb) {
        Path volume = volumeFile(volumeId);
        long bytes = VolumeSizes.bytes(sizeGb);
        return create(volume, partial -> {
            image.requireFits(sizeGb);
            commands.run(List.of("qemu-img", "convert", "-q", "-f", image.format(), "-O", "raw",
                    image.file().toAbsolutePath().toString(), partial.toString()), copyTimeout, null);
            SparseFiles.grow(partial, bytes);
        });
    }

    @Override
    public void deleteVolume(String volumeId) {
        remove(volumeFile(volumeId));
    }

    @Override
    public String extendVolume(String volumeId, int sizeGb) {
        Path volume = volumeFile(volumeId);
        long bytes = VolumeSizes.bytes(sizeGb);
        return files.exclusively(volume, () -> {
            existing(volume, "volume " + volumeId);
            try {
                long current = Files.size(volume);
                if (current > bytes) {
                    log.info("Volume {} on {} is {} bytes already, more than {} GiB: left as it is", volumeId, name,
                            current, sizeGb);
                }
                SparseFiles.grow(volume, bytes);
                return volume.toString();
            } catch (IOException e) {
                throw new VolumeFailure("volume " + volumeId + " on backend " + name + " could not be extended: "
                        + e.getMessage(), e);
            }
        });
    }

    @Override
    public void createSnapshot(String volumeId, String snapshotId) {
        Path volume = volumeFile(volumeId);
        create(snapshotFile(snapshotId), partial -> copy(existing(volume, "volume " + volumeId), partial));
    }

    @Override
    public void deleteSnapshot(String volumeId, String snapshotId) {
        remove(snapshotFile(snapshotId)); // named by its own id: the volume's is not needed here
    }

    @Override
    public StoragePool capacity() {
        try {
            FileStore store = Files.getFileStore(dir);
            return new StoragePool(name, DRIVER, store.getTotalSpace() >> 30, store.getUsableSpace() >> 30);
        } catch (IOException e) {
            throw new VolumeFailure("backend " + name + " cannot read the size of " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> location(String volumeId) {
        Path volume = volumeFile(volumeId);
        return Files.isRegularFile(volume) ? Optional.of(volume.toString()) : Optional.empty();
    }

    /** Writes a file under its partial name. */
    @FunctionalInterface
    private interface Content {
        void write(Path partial) throws IOException;
    }

    /** {@code target} made by {@code content} unless it is there; returns its path. */
    private String create(Path target, Content content) {
        files.make(target, Files::exists, partial -> {
            // owner-only before any data is in it: cp and qemu-img keep an existing file's mode
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            content.write(partial);
            Files.setPosixFilePermissions(partial, OWNER_ONLY);
            SparseFiles.flush(partial);
        });
        return target.toString();
    }

    /** {@code volume} made from {@code source} (checked once the volume is known not to exist yet). */
    private String copyInto(Path volume, Path source, String what, int sizeGb) {
        long bytes = VolumeSizes.bytes(sizeGb);
        return create(volume, partial -> {
            VolumeSizes.requireHolds(sizeGb, what, Files.size(existing(source, what)));
            copy(source, partial);
            SparseFiles.grow(partial, bytes);
        });
    }

    /** A reflink where the file system can, else a copy that keeps the source's holes. */
    private void copy(Path source, Path target) {
        commands.run(List.of("cp", "--reflink=auto", "--sparse=always", "--", source.toString(), target.toString()),
                copyTimeout, null);
    }

    private void remove(Path target) {
        files.exclusively(target, () -> {
            try {
                Files.deleteIfExists(BackendDirectory.partialOf(target));
                if (Files.deleteIfExists(target)) {
                    log.info("Removed {} from backend {}", target.getFileName(), name);
                }
                return null;
            } catch (IOException e) {
                throw new VolumeFailure(target.getFileName() + " could not be removed from backend " + name + ": "
                        + e.getMessage(), e);
            }
        });
    }

    private Path existing(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new VolumeFailure(what + " does not exist on backend " + name);
        }
        return file;
    }

    private Path volumeFile(String volumeId) {
        return files.volume(volumeId);
    }

    private Path snapshotFile(String snapshotId) {
        return files.snapshot(snapshotId);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("{} could not be removed: {}", file, e.getMessage());
        }
    }
}
