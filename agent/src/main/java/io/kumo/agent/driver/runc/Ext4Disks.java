package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.HostCommands;
import io.kumo.common.contract.host.InstanceStats;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A container's root disk: a sparse ext4 image of the flavor's size, loop-mounted as the container's root
 * filesystem, so a container can fill its own disk and nothing more (the excess write fails inside it with
 * ENOSPC). Its root directory belongs to the container's mapped root. {@code mount -o loop} frees the loop
 * device when unmounted, so nothing is left behind.
 */
class ContainerDisks {

    /** What the root disk is called in a container's figures. */
    static final String ROOT_DEVICE = "root";

    private final HostCommands commands;

    ContainerDisks(HostCommands commands) {
        this.commands = commands;
    }

    /** Makes an empty filesystem of {@code sizeBytes} in {@code image} whose root is owned by {@code rootId}. */
    void create(Path image, long sizeBytes, long rootId) {
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(sizeBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the disk image " + image, e);
        }
        commands.run(List.of("mkfs.ext4", "-q", "-F", "-m", "0", "-E", "root_owner=" + rootId + ":" + rootId,
                image.toString()));
    }

    void mount(Path image, Path target) {
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

    void unmount(Path target) {
        if (isMounted(target)) {
            commands.run(List.of("umount", target.toString()));
        }
    }

    /** Whether something is mounted at {@code target} (from the kernel's own table). */
    boolean isMounted(Path target) {
        return mountSource(target).isPresent();
    }

    /**
     * The I/O the container did on its disk: the counters of the loop device mounted at {@code target}
     * ({@code /sys/block/loopN/stat}, sectors of 512 bytes); empty when nothing is mounted there.
     */
    Optional<InstanceStats.Disk> counters(Path target) {
        return mountSource(target).filter(source -> source.startsWith("/dev/")).flatMap(source -> {
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

    private Optional<String> mountSource(Path target) {
        try {
            String wanted = target.toAbsolutePath().normalize().toString();
            return Files.readAllLines(Path.of("/proc/self/mounts")).stream().map(line -> line.split(" "))
                    .filter(fields -> fields.length > 1 && fields[1].equals(wanted)).map(fields -> fields[0])
                    .reduce((first, last) -> last);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
