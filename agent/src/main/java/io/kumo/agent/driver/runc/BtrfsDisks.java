package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.Btrfs;
import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.InstanceFiles;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.InstanceStats;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Containers' root filesystems on a btrfs pool, the way LXD/Incus make containers without copying: each
 * image is unpacked once into a read-only subvolume ({@code images/<image id>}), each container is a
 * snapshot of it ({@code instances/<uuid>}, made in milliseconds whatever the image's size) whose files are
 * then given to the container's id range, with a quota group limit of the flavor's disk on what it refers
 * to — the image's files and its own writes — so a container fills its disk and no more (EDQUOT inside
 * it). The pool is a block device or, by default, a sparse file in the state dir, mounted at {@code pool}
 * and kept mounted across agent restarts (the containers run on it).
 */
final class BtrfsDisks implements RootDisks {

    private static final Logger log = LoggerFactory.getLogger(BtrfsDisks.class);

    private final HostCommands commands;
    private final Btrfs btrfs;
    private final RootfsImages images;
    private final Path pool;
    private final ConcurrentHashMap<String, Object> imageLocks = new ConcurrentHashMap<>();

    private BtrfsDisks(HostCommands commands, RootfsImages images, Path pool) {
        this.commands = commands;
        this.btrfs = new Btrfs(commands);
        this.images = images;
        this.pool = pool;
    }

    /**
     * The pool at {@code stateDir/pool}, mounted (from the settings' device, or a sparse file of
     * {@code poolGb} made and formatted on first use) with quotas on.
     *
     * @throws HostCommands.HostCommandFailed when it cannot be (no btrfs-progs, no btrfs in the kernel, ...)
     */
    static BtrfsDisks open(StorageSettings settings, Path stateDir, int poolGb, HostCommands commands,
            RootfsImages images) {
        Path pool = stateDir.resolve("pool");
        try {
            if (!"btrfs".equals(Mounts.typeAt(pool).orElse(null))) {
                String device = settings.poolDevice();
                if (device.isEmpty()) {
                    Path file = stateDir.resolve("btrfs-pool.img");
                    if (!Files.exists(file)) {
                        format(file, poolGb, commands);
                    }
                    device = file.toString();
                }
                Files.createDirectories(pool);
                // nodev,nosuid: the images' set-id files and device nodes are nobody's way to root on the host
                commands.run(device.startsWith("/dev/") ? List.of("mount", "-o", "nodev,nosuid", device,
                        pool.toString()) : List.of("mount", "-o", "loop,nodev,nosuid", device, pool.toString()));
            }
            new Btrfs(commands).enableQuotas(pool);
            Files.setPosixFilePermissions(Files.createDirectories(pool.resolve("images")),
                    PosixFilePermissions.fromString("rwx------"));
            InstanceFiles.traversable(Files.createDirectories(pool.resolve("instances")));
            InstanceFiles.traversable(pool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BtrfsDisks(commands, images, pool);
    }

    /** A sparse file of {@code poolGb} formatted as btrfs; none left behind when that fails. */
    private static void format(Path file, int poolGb, HostCommands commands) throws IOException {
        InstanceFiles.privateFile(file);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(poolGb * (1L << 30));
            commands.run(List.of("mkfs.btrfs", "-q", file.toString()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public String kind() {
        return StorageSettings.BTRFS;
    }

    @Override
    public ContainerProcess create(String uuid, Path instanceDir, long sizeBytes, BuildServer.ImageSpec image,
            long idBase) {
        Path base = imageVolume(image);
        remove(uuid, instanceDir);
        Path volume = volumeOf(uuid);
        btrfs.snapshot(base, volume);
        RootfsImages.shiftOwners(volume, idBase);
        btrfs.limitReferenced(volume, sizeBytes);
        return images.process(image, volume);
    }

    /** The snapshot; {@code rootfs} in the instance's directory links to it, as an ext4 disk is mounted there. */
    @Override
    public Path attach(String uuid, Path instanceDir) {
        Path volume = volumeOf(uuid);
        Path link = instanceDir.resolve("rootfs");
        try {
            if (!Files.isSymbolicLink(link)) {
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, volume);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return volume;
    }

    @Override
    public void remove(String uuid, Path instanceDir) {
        deleteVolume(volumeOf(uuid));
        try {
            if (Files.isSymbolicLink(instanceDir.resolve("rootfs"))) {
                Files.delete(instanceDir.resolve("rootfs"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One pool device serves every container: there are no figures of one container's own. */
    @Override
    public Optional<InstanceStats.Disk> counters(String uuid, Path instanceDir) {
        return Optional.empty();
    }

    @Override
    public void forgetImage(String imageId) {
        synchronized (lockOf(imageId)) {
            deleteVolume(pool.resolve("images").resolve(imageId));
        }
    }

    /** Unmounts the pool (its loop device goes with it) when no container is left on it; best effort. */
    @Override
    public void close() {
        if (!volumes().isEmpty()) {
            return;
        }
        try {
            commands.run(List.of("umount", pool.toString()));
            log.info("Unmounted the btrfs pool {} (no container on it)", pool);
        } catch (HostCommands.HostCommandFailed e) {
            log.warn("The btrfs pool {} could not be unmounted: {}", pool, e.getMessage());
        }
    }

    @Override
    public List<String> volumes() {
        try (var entries = Files.list(pool.resolve("instances"))) {
            return entries.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The image's read-only subvolume, unpacked on first use (concurrent builds of the image wait for it). */
    private Path imageVolume(BuildServer.ImageSpec image) {
        Path volume = pool.resolve("images").resolve(image.id());
        synchronized (lockOf(image.id())) {
            if (Files.isDirectory(volume)) {
                return volume;
            }
            Path partial = pool.resolve("images").resolve(image.id() + ".partial");
            deleteVolume(partial);
            btrfs.createSubvolume(partial);
            try {
                images.extract(image, partial);
                Files.move(partial, volume);
            } catch (IOException | RuntimeException e) {
                deleteVolume(partial);
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
            btrfs.setReadOnly(volume);
            log.info("Image {} unpacked into the btrfs subvolume {}", image.id(), volume);
            return volume;
        }
    }

    private Path volumeOf(String uuid) {
        return pool.resolve("instances").resolve(uuid);
    }

    /** Deletes a subvolume and, best effort, the quota groups deleted subvolumes left behind. */
    private void deleteVolume(Path volume) {
        if (Files.isDirectory(volume)) {
            btrfs.deleteSubvolume(volume);
            btrfs.clearStaleQgroups(pool); // the groups the cleaner is done with; this one goes with a later call
        }
    }

    private Object lockOf(String imageId) {
        return imageLocks.computeIfAbsent(imageId, id -> new Object());
    }
}
