package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.ImageSource;
import io.kumo.agent.driver.SpawnFailure;
import io.kumo.common.contract.host.BuildServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Root filesystems from images: the image's tarball (a rootfs archive, plain or compressed) fetched once
 * into the agent's cache — concurrent builds of one image wait for the one download — then unpacked into a
 * container's disk with every file's owner shifted into the container's id range, so the image's root
 * files belong to the container's mapped root and to no other container.
 */
class RootfsImages {

    private final ImageSource source;
    private final HostCommands commands;
    private final Path cache;
    private final ConcurrentHashMap<String, Object> downloads = new ConcurrentHashMap<>();

    RootfsImages(ImageSource source, HostCommands commands, Path cache) {
        this.source = source;
        this.commands = commands;
        this.cache = cache;
    }

    /** Unpacks the image into {@code rootfs}, owned by the range starting at {@code idBase}. */
    void unpack(BuildServer.ImageSpec image, Path rootfs, long idBase) {
        Path tarball = cached(image);
        try {
            commands.run(List.of("tar", "-x", "-f", tarball.toString(), "-C", rootfs.toString(), "--numeric-owner"));
        } catch (HostCommands.HostCommandFailed e) {
            throw new SpawnFailure("image " + image.id() + " is not a root filesystem archive: " + e.getMessage(),
                    false);
        }
        shiftOwners(rootfs, idBase);
    }

    private Path cached(BuildServer.ImageSpec image) {
        if (image == null || image.id() == null || !image.id().matches("[A-Za-z0-9-]{1,64}")) {
            throw new SpawnFailure("the build names no usable image", false);
        }
        Path file = cache.resolve(image.id() + ".tar");
        Object lock = downloads.computeIfAbsent(image.id(), id -> new Object());
        synchronized (lock) {
            if (!Files.exists(file)) {
                try {
                    Files.createDirectories(cache);
                    Path partial = cache.resolve(image.id() + ".tar.partial");
                    source.download(image, partial);
                    Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new SpawnFailure("image " + image.id() + " could not be fetched: " + e.getMessage(), true);
                }
            }
        }
        return file;
    }

    /** Every file's uid and gid moved by {@code idBase} (symbolic links themselves, not their targets). */
    private static void shiftOwners(Path rootfs, long idBase) {
        try (Stream<Path> files = Files.walk(rootfs)) {
            files.forEach(p -> {
                try {
                    int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                    int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
                    if (uid < idBase) {
                        Files.setAttribute(p, "unix:uid", (int) (uid + idBase), LinkOption.NOFOLLOW_LINKS);
                    }
                    if (gid < idBase) {
                        Files.setAttribute(p, "unix:gid", (int) (gid + idBase), LinkOption.NOFOLLOW_LINKS);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
