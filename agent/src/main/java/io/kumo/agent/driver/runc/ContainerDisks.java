package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.HostCommands;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A container's root disk: a sparse ext4 image of the flavor's size, loop-mounted as the container's root
 * filesystem, so a container can fill its own disk and nothing more (the excess write fails inside it with
 * ENOSPC). Its root directory belongs to the container's mapped root. {@code mount -o loop} frees the loop
 * device when unmounted, so nothing is left behind.
 */
class ContainerDisks {

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
        try {
            String wanted = target.toAbsolutePath().normalize().toString();
            return Files.readAllLines(Path.of("/proc/self/mounts")).stream().map(line -> line.split(" "))
                    .anyMatch(fields -> fields.length > 1 && fields[1].equals(wanted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
