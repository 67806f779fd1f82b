package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.ConfigDriveTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The files a container gets from the host before it starts: its config drive's tree (read-only to it) and,
 * in its root filesystem, {@code /etc/hostname}, {@code /etc/hosts}, {@code /etc/resolv.conf} and root's
 * {@code authorized_keys}. The root filesystem is the tenant's image, so every write refuses to follow a
 * symbolic link or leave the root filesystem (an image whose {@code /etc} points at the host's cannot make
 * the agent write there), and what is written belongs to the container's root.
 */
final class GuestFiles {

    private GuestFiles() {
    }

    static void inject(Path rootfs, GuestConfig guest, long rootId) {
        write(rootfs, "etc/hostname", guest.hostname() + "\n", rootId, "rw-r--r--");
        write(rootfs, "etc/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t"
                + guest.hostname() + "\n", rootId, "rw-r--r--");
        if (!guest.dns().isEmpty()) {
            StringBuilder resolv = new StringBuilder();
            guest.dns().forEach(d -> resolv.append("nameserver ").append(d).append('\n'));
            write(rootfs, "etc/resolv.conf", resolv.toString(), rootId, "rw-r--r--");
        }
        if (!guest.publicKeys().isEmpty()) {
            write(rootfs, "root/.ssh/authorized_keys", String.join("\n", guest.publicKeys()) + "\n", rootId,
                    "rw-------");
        }
    }

    /**
     * The config drive's files (base64 as compute-service sends them) under {@code dir}, paths checked.
     * They hold the user data and keys, so they belong to the container's root and nobody else may read
     * them (the host's other users cannot, though the state dir lets them pass through).
     */
    static void writeConfigDrive(Path dir, Map<String, String> files, long owner) throws IOException {
        ConfigDriveTree.write(dir, files);
        Path root = dir.toRealPath();
        try (java.util.stream.Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.toList()) {
                boolean directory = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(directory ? "r-x------" : "r--------"));
                own(p, owner);
            }
        }
    }

    private static void write(Path rootfs, String relative, String content, long owner, String mode) {
        try {
            Path root = rootfs.toRealPath();
            Path parent = mkdirs(root, Path.of(relative).getParent(), owner);
            Path target = parent.resolve(Path.of(relative).getFileName());
            if (Files.isSymbolicLink(target) || Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(target);
            }
            Set<OpenOption> options = Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            try (SeekableByteChannel channel = Files.newByteChannel(target, options)) {
                channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(mode));
            own(target, owner);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write /" + relative + " into the container", e);
        }
    }

    /** Creates the directories of {@code relative} under {@code root} one by one, none of them a link. */
    private static Path mkdirs(Path root, Path relative, long owner) throws IOException {
        Path current = root;
        if (relative == null) {
            return current;
        }
        for (Path part : relative) {
            Path next = current.resolve(part);
            if (Files.isSymbolicLink(next) || (Files.exists(next, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(next, LinkOption.NOFOLLOW_LINKS))) {
                Files.delete(next);
            }
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(next);
                own(next, owner);
            }
            current = next;
        }
        return current;
    }

    private static void own(Path path, long id) throws IOException {
        Files.setAttribute(path, "unix:uid", (int) id, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", (int) id, LinkOption.NOFOLLOW_LINKS);
    }
}
