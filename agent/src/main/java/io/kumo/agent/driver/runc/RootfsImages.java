package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.ImageCache;
import io.kumo.agent.driver.SpawnFailure;
import io.kumo.common.contract.host.BuildServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Root filesystems from images: the image's tarball (a rootfs archive, plain or compressed) fetched once
 * into the agent's cache — concurrent builds of one image wait for the one download — then unpacked into a
 * container's disk with every file's owner shifted into the container's id range, so the image's root
 * files belong to the container's mapped root and to no other container.
 */
class RootfsImages {

    private final ImageCache cache;
    private final HostCommands commands;

    RootfsImages(ImageCache cache, HostCommands commands) {
        this.cache = cache;
        this.commands = commands;
    }

    /** Unpacks the image into {@code rootfs}, owned by the range starting at {@code idBase}. */
    void unpack(BuildServer.ImageSpec image, Path rootfs, long idBase) {
        Path tarball = cache.fetch(image, ".tar");
        try {
            commands.run(List.of("tar", "-x", "-f", tarball.toString(), "-C", rootfs.toString(), "--numeric-owner"));
        } catch (HostCommands.HostCommandFailed e) {
            throw new SpawnFailure("image " + image.id() + " is not a root filesystem archive: " + e.getMessage(),
                    false);
        }
        shiftOwners(rootfs, idBase);
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
