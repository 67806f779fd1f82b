package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.ImageCache;
import io.kumo.agent.driver.InstanceFiles;
import io.kumo.agent.driver.SpawnFailure;
import io.kumo.common.contract.host.BuildServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Root filesystems from images, fetched once into the agent's cache — concurrent builds of one image wait
 * for the one download — then unpacked into a container's disk with every file's owner shifted into the
 * container's id range, so the image's root files belong to the container's mapped root and to no other
 * container. An image is a root filesystem tarball (plain or compressed, any {@code container_format} but
 * {@code docker}), or a Docker/OCI image archive ({@code container_format} {@code docker}: {@code docker
 * save}'s output or an OCI image layout) whose layers are flattened once per image into a cached root
 * filesystem tarball ({@code <id>.rootfs.tar}) and whose configured process the container runs.
 */
class RootfsImages {

    static final String DOCKER = "docker";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How long unpacking or archiving an image's root filesystem may take (images of several GB). */
    static final Duration TAR_TIMEOUT = Duration.ofMinutes(30);

    private final ImageCache cache;
    private final HostCommands commands;
    private final long maxImageBytes;

    /** @param maxImageBytes the most an image's layers may unpack to */
    RootfsImages(ImageCache cache, HostCommands commands, long maxImageBytes) {
        this.cache = cache;
        this.commands = commands;
        this.maxImageBytes = maxImageBytes;
    }

    /**
     * Unpacks the image into {@code rootfs}, owned by the range starting at {@code idBase}; returns the
     * process the container is to run.
     */
    ContainerProcess unpack(BuildServer.ImageSpec image, Path rootfs, long idBase) {
        extract(image, rootfs);
        shiftOwners(rootfs, idBase);
        return process(image, rootfs);
    }

    /** Unpacks the image's root filesystem into {@code target}, owned by the image's own ids. */
    void extract(BuildServer.ImageSpec image, Path target) {
        Path tarball = DOCKER.equals(image.containerFormat()) ? cache.derive(image, ".tar", ".rootfs.tar",
                (archive, flattened) -> flatten(image, archive, flattened)) : cache.fetch(image, ".tar");
        try {
            commands.run(List.of("tar", "-x", "-f", tarball.toString(), "-C", target.toString(), "--numeric-owner"),
                    TAR_TIMEOUT, null);
        } catch (HostCommands.HostCommandFailed e) {
            throw new SpawnFailure("image " + image.id() + " could not be unpacked (is it a root filesystem"
                    + " archive?): " + e.getMessage(), false);
        }
    }

    /**
     * The process a container of the image runs on {@code rootfs} (where a Docker image's user names are
     * looked up).
     */
    ContainerProcess process(BuildServer.ImageSpec image, Path rootfs) {
        String commandLine = image.properties().get("os_command_line");
        if (!DOCKER.equals(image.containerFormat())) {
            return ContainerProcess.of(commandLine);
        }
        OciArchive.ImageConfig config = readConfig(cache.derive(image, ".tar", ".config.json",
                (archive, target) -> Files.write(target, JSON.writeValueAsBytes(OciArchive.read(archive, image.id())
                        .config()))));
        long[] ids = ImageUsers.resolve(config.user(), rootfs, image.id());
        return ContainerProcess.of(config, commandLine, ids[0], ids[1]);
    }

    /** The image archive's layers applied in a work directory beside {@code target}, then archived to it. */
    private void flatten(BuildServer.ImageSpec image, Path archive, Path target) throws IOException {
        Path work = target.resolveSibling(target.getFileName() + ".work");
        InstanceFiles.deleteTree(work);
        try {
            OciArchive contents = OciArchive.read(archive, image.id());
            Path unpacked = Files.createDirectories(work.resolve("archive"));
            Path tree = Files.createDirectories(work.resolve("rootfs"));
            new OciLayers(maxImageBytes).apply(archive, unpacked);
            OciLayers layers = new OciLayers(maxImageBytes);
            for (String layer : contents.layers()) {
                Path file = OciLayers.resolve(unpacked, OciLayers.components(layer));
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new SpawnFailure("image " + image.id() + ": layer " + layer + " is missing from the archive",
                            false);
                }
                layers.apply(file, tree);
            }
            InstanceFiles.deleteTree(unpacked);
            commands.run(List.of("tar", "-c", "-f", target.toString(), "--numeric-owner", "-C", tree.toString(),
                    "."), TAR_TIMEOUT, null);
        } finally {
            InstanceFiles.deleteTree(work);
        }
    }

    private static OciArchive.ImageConfig readConfig(Path file) {
        try {
            return JSON.readValue(Files.readString(file), OciArchive.ImageConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file's uid and gid moved by {@code idBase} (symbolic links themselves, not their targets). */
    static void shiftOwners(Path rootfs, long idBase) {
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
