package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.InstanceFiles;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.InstanceStats;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A container's root disk: a sparse ext4 image ({@code disk.img}) of the flavor's size, loop-mounted at
 * {@code rootfs} in the instance's directory, so a container can fill its own disk and nothing more (the
 * excess write fails inside it with ENOSPC), filled by unpacking the image into it. Its root directory
 * belongs to the container's mapped root. {@code mount -o loop} frees the loop device when unmounted, so
 * nothing is left behind.
 */
class Ext4Disks implements RootDisks {

    /** What the root disk is called in a container's figures. */
    static final String ROOT_DEVICE = "root";

    private final HostCommands commands;
    private final RootfsImages images;

    Ext4Disks(HostCommands commands, RootfsImages images) {
        this.commands = commands;
        this.images = images;
    }

    @Override
    public String kind() {
        return StorageSettings.EXT4;
    }

    @Override
    public ContainerProcess create(String uuid, Path instanceDir, long sizeBytes, BuildServer.ImageSpec image,
            long idBase) {
        remove(uuid, instanceDir);
        Path disk = instanceDir.resolve("disk.img");
        InstanceFiles.privateFile(disk);
        create(disk, sizeBytes, idBase);
        Path rootfs = attach(uuid, instanceDir);
        return images.unpack(image, rootfs, idBase);
    }

    @Override
    public Path attach(String uuid, Path instanceDir) {
        Path rootfs = instanceDir.resolve("rootfs");
        mount(instanceDir.resolve("disk.img"), rootfs);
        return rootfs;
    }

    @Override
    public void remove(String uuid, Path instanceDir) {
        unmount(instanceDir.resolve("rootfs"));
        try {
            Files.deleteIfExists(instanceDir.resolve("disk.img"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InstanceStats.Disk> counters(String uuid, Path instanceDir) {
        return counters(instanceDir.resolve("rootfs"));
    }

    /** Makes an empty filesystem of {@code sizeBytes} in {@code image} whose root is owned by {@code rootId}. */
    private void create(Path image, long sizeBytes, long rootId) {
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(sizeBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the disk image " + image, e);
        }
        commands.run(List.of("mkfs.ext4", "-q", "-F", "-m", "0", "-E", "root_owner=" + rootId + ":" + rootId,
                image.toString()));
    }

    private void mount(Path image, Path target) {
        if (isMounted(target)) {
            return;
        }
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commands.run(List.of("mount", "-o", "loop,nodev,nosuid", image.toString(), target.toString()));
    }

    private void unmount(Path target) {
        if (isMounted(target)) {
            commands.run(List.of("umount", target.toString()));
        }
    }

    /** Whether something is mounted at {@code target} (from the kernel's own table). */
    boolean isMounted(Path target) {
        return Mounts.sourceAt(target).isPresent();
    }

    /**
     * The I/O the container did on its disk: the counters of the loop device mounted at {@code target}
     * ({@code /sys/block/loopN/stat}, sectors of 512 bytes); empty when nothing is mounted there.
     */
    private Optional<InstanceStats.Disk> counters(Path target) {
        return Mounts.sourceAt(target).filter(source -> source.startsWith("/dev/")).flatMap(source -> {
            Path stat = Path.of("/sys/block", source.substring("/dev/".length()), "stat");
            try {
                return Optional.of(diskOf(ROOT_DEVICE, Files.readString(stat)));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** A block device's {@code stat} line as a disk's counters (the kernel's block/stat.rst layout). */
    static InstanceStats.Disk diskOf(String device, String stat) {
        String[] fields = stat.strip().split("\\s+");
        return new InstanceStats.Disk(device, Long.parseLong(fields[2]) * 512, Long.parseLong(fields[0]),
                Long.parseLong(fields[6]) * 512, Long.parseLong(fields[4]), -1);
    }
}
