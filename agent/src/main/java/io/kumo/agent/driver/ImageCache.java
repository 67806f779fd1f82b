package io.kumo.agent.driver;

import io.kumo.common.contract.host.BuildServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's copy of each image it runs: downloaded once into the cache directory (to a partial file, moved
 * into place when complete and checked), however many builds of that image start at once — they wait for
 * the one download.
 */
public final class ImageCache {

    private final ImageSource source;
    private final Path dir;
    private final ConcurrentHashMap<String, Object> downloads = new ConcurrentHashMap<>();

    public ImageCache(ImageSource source, Path dir) {
        this.source = source;
        this.dir = dir;
    }

    /** The image's record from image-service. @throws SpawnFailure (retryable) when it cannot be read */
    public BuildServer.ImageSpec describe(String imageId) {
        requireId(imageId);
        try {
            return source.describe(imageId);
        } catch (IOException e) {
            throw new SpawnFailure("image " + imageId + " could not be read: " + e.getMessage(), true);
        }
    }

    /**
     * The cached file of the image, named {@code <id><suffix>}, downloaded first if it is not there.
     *
     * @throws SpawnFailure (retryable: another host may reach image-service) when it cannot be fetched
     */
    public Path fetch(BuildServer.ImageSpec image, String suffix) {
        requireId(image == null ? null : image.id());
        Path file = dir.resolve(image.id() + suffix);
        synchronized (downloads.computeIfAbsent(image.id() + suffix, id -> new Object())) {
            if (!Files.exists(file)) {
                try {
                    Files.createDirectories(dir);
                    Path partial = dir.resolve(image.id() + suffix + ".partial");
                    source.download(image, partial);
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new SpawnFailure("image " + image.id() + " could not be fetched: " + e.getMessage(), true);
                }
            }
        }
        return file;
    }

    private static void requireId(String imageId) {
        if (imageId == null || !imageId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new SpawnFailure("the build names no usable image", false);
        }
    }
}
