package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.AttachedVolume;
import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.VolumeAttachFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Volumes in containers, mounted while the container runs. A container's {@code /mnt} is a bind of the host
 * directory {@code <instance>/volumes}, which is a shared mount on the host; the container's copy is its slave
 * (runc's default {@code rslave} root propagation), so a volume's file system mounted on the host at
 * {@code <instance>/volumes/<name>} appears at {@code /mnt/<name>} in the running container at once, and
 * leaves it when the host unmounts it (host-to-container propagation, Kubernetes' {@code HostToContainer}).
 * A mount the container still uses makes the unmount fail (EBUSY) rather than leave a copy behind.
 *
 * <p>The directory belongs to the host's root alone, so a container cannot put a symlink where the host
 * mounts a volume. A blank volume gets an ext4 file system on its first attach, its top directory owned by
 * the container's root (and given to the root of every container it is attached to later).
 */
final class ContainerVolumes {

    /** Where volumes appear in a container. */
    static final String MOUNT_ROOT = "/mnt";
    private static final String DIR = "volumes";

    private final HostCommands commands;

    ContainerVolumes(HostCommands commands) {
        this.commands = commands;
    }

    /** The host directory that is the container's {@code /mnt}: made, and a shared mount point, if not yet. */
    Path prepare(Path instanceDir) {
        Path dir = instanceDir.resolve(DIR);
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir);
            }
            // the container's root (an unprivileged host id) must pass through it; the agent's umask may be 077
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Mounts.sourceAt(dir).isEmpty()) {
            commands.run(List.of("mount", "--bind", dir.toString(), dir.toString()));
        }
        commands.run(List.of("mount", "--make-shared", dir.toString()));
        return dir;
    }

    /** Mounts the volume's file system where the container sees it (nothing to do when it is there). */
    void mount(Path instanceDir, AttachedVolume volume, long idBase) {
        Path target = target(instanceDir, volume);
        if (Mounts.sourceAt(target).isPresent()) {
            return;
        }
        Path dir = prepare(instanceDir);
        Path file = Path.of(volume.path());
        if (!Files.isRegularFile(file)) {
            throw new VolumeAttachFailure("volume " + volume.volumeId() + " is not at " + file
                    + " on this host (its directory is not shared with the storage host)");
        }
        try {
            if (blank(file)) {
                commands.run(List.of("mkfs.ext4", "-q", "-F", "-L", label(volume), "-E",
                        "root_owner=" + idBase + ":" + idBase, file.toString()));
            }
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(target);
            }
            // ext4 only: the kernel never guesses a file system from bytes a tenant wrote
            commands.run(List.of("mount", "-t", "ext4", "-o", "loop,nosuid,nodev", file.toString(),
                    target.toString()));
            try {
                commands.run(List.of("chown", idBase + ":" + idBase, target.toString()));
            } catch (HostCommands.HostCommandFailed e) {
                commands.run(List.of("umount", target.toString()));
                throw e;
            }
        } catch (HostCommands.HostCommandFailed | IOException e) {
            unmountQuietly(target);
            throw new VolumeAttachFailure("volume " + volume.volumeId() + " could not be mounted at "
                    + volume.device() + " in container " + instanceDir.getFileName() + ": " + e.getMessage(), e);
        } finally {
            deleteIfEmptyDir(target, dir);
        }
    }

    /**
     * Unmounts the volume; fails, leaving it mounted, while the container uses it — also through a mount of its
     * own that the host's unmount does not reach (a bind mount made in a nested namespace): then the volume's
     * loop device is still in use after the unmount, and it is mounted again from that same device.
     */
    void unmount(Path instanceDir, AttachedVolume volume) {
        Path target = target(instanceDir, volume);
        Optional<String> device = Mounts.sourceAt(target);
        if (device.isPresent()) {
            try {
                commands.run(List.of("umount", target.toString()));
            } catch (HostCommands.HostCommandFailed e) {
                throw new VolumeAttachFailure("volume " + volume.volumeId() + " is in use at " + volume.device()
                        + " in container " + instanceDir.getFileName() + ": " + e.printed().strip());
            }
            if (loopStaysAttached(volume.path())) {
                commands.run(List.of("mount", "-t", "ext4", "-o", "nosuid,nodev", device.get(), target.toString()));
                throw new VolumeAttachFailure("volume " + volume.volumeId() + " is still mounted inside container "
                        + instanceDir.getFileName() + " (a mount of its own): it stays attached");
            }
        }
        deleteIfEmptyDir(target, instanceDir.resolve(DIR));
    }

    /** Whether a loop device still backs the file two seconds after its last mount went (autoclear is async). */
    private boolean loopStaysAttached(String file) {
        for (int i = 0; i < 20; i++) {
            if (commands.run(List.of("losetup", "-j", file)).isBlank()) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return true;
    }

    /**
     * Every volume mount of the instance undone (lazily, as the container is gone), and the directory's own,
     * before the instance's files are deleted: a recursive delete must never reach a volume's files.
     *
     * @throws IllegalStateException when something stays mounted there
     */
    void release(Path instanceDir) {
        Path dir = instanceDir.resolve(DIR).toAbsolutePath().normalize();
        List<Path> mounted = Mounts.under(dir).stream().sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                .toList();
        for (Path target : mounted) {
            try {
                commands.run(List.of("umount", "-l", target.toString()));
            } catch (HostCommands.HostCommandFailed e) {
                // reported below, as what is still mounted
            }
        }
        List<Path> left = Mounts.under(dir);
        if (!left.isEmpty()) {
            throw new IllegalStateException("still mounted under " + dir + ": " + left);
        }
    }

    /** The host path of the volume's mount point: a plain name under the volumes directory, never a path. */
    private static Path target(Path instanceDir, AttachedVolume volume) {
        String name = volume.deviceName();
        if (!volume.device().equals(MOUNT_ROOT + "/" + name) || name.isEmpty() || name.equals(".")
                || name.equals("..")) {
            throw new VolumeAttachFailure("a container's volume is mounted at " + MOUNT_ROOT + "/<name>, not at "
                    + volume.device());
        }
        return instanceDir.resolve(DIR).resolve(name);
    }

    /**
     * Whether the volume is blank and may be formatted: blkid finds neither a file system nor a partition table
     * (exit code 2 is "nothing found") and its first MiB is zeros. One with ext4 is mounted as it is; anything
     * else — another file system, a partitioned disk image, data without a file system — is never formatted: the
     * attach fails.
     */
    private boolean blank(Path file) throws IOException {
        String found;
        try {
            found = commands.run(List.of("blkid", "-p", "-o", "export", file.toString()));
        } catch (HostCommands.HostCommandFailed e) {
            if (e.exitCode() != 2) {
                throw e;
            }
            found = "";
        }
        if (found.lines().anyMatch(line -> line.equals("TYPE=ext4"))) {
            return false;
        }
        if (!found.isBlank()) {
            throw new VolumeAttachFailure("the volume holds " + found.lines().filter(l -> l.startsWith("TYPE=")
                    || l.startsWith("PTTYPE=")).findFirst().orElse("something") + ", not an ext4 file system a"
                    + " container can mount; it is left as it is");
        }
        byte[] head = new byte[1 << 20];
        int read;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        for (int i = 0; i < read; i++) {
            if (head[i] != 0) {
                throw new VolumeAttachFailure("the volume holds data but no file system a container can mount; it"
                        + " is left as it is");
            }
        }
        return true;
    }

    /** An ext4 label (16 bytes at most) naming the volume. */
    private static String label(AttachedVolume volume) {
        String id = volume.volumeId().replace("-", "");
        return id.length() > 16 ? id.substring(0, 16) : id;
    }

    private void unmountQuietly(Path target) {
        if (Mounts.sourceAt(target).isPresent()) {
            try {
                commands.run(List.of("umount", target.toString()));
            } catch (HostCommands.HostCommandFailed e) {
                // the attach failed anyway; what is left shows in the mount table
            }
        }
    }

    private static void deleteIfEmptyDir(Path target, Path dir) {
        if (Mounts.sourceAt(target).isPresent() || !target.startsWith(dir)) {
            return;
        }
        try {
            Files.deleteIfExists(target);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // someone's files, not a mount point of ours
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
