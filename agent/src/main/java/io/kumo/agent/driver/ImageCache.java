package io.kumo.agent.driver;

import io.kumo.common.contract.host.BuildServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's copy of each image it runs: downloaded once into the cache directory (to a partial file, moved
 * into place when complete and checked), however many builds of that image start at once — they wait for
 * the one download. The cache is kept under a size bound by evicting the least recently used images (a
 * file's modification time is its last use), never one in use ({@code inUse}: a VM's base, kernel or
 * ramdisk) nor one used in the last ten minutes (a build between fetching and using it); an image deleted
 * in image-service is dropped when it is not in use.
 */
public final class ImageCache {

    private static final Logger log = LoggerFactory.getLogger(ImageCache.class);
    static final Duration RECENT = Duration.ofMinutes(10);

    private final ImageSource source;
    private final Path dir;
    private final long maxBytes;
    private final Predicate<Path> inUse;
    private final Clock clock;
    private final ConcurrentHashMap<String, Object> downloads = new ConcurrentHashMap<>();

    /**
     * @param maxBytes the size above which least recently used images are evicted
     * @param inUse    whether a cached file is in use (such a file is never evicted)
     */
    public ImageCache(ImageSource source, Path dir, long maxBytes, Predicate<Path> inUse, Clock clock) {
        this.source = source;
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.inUse = inUse;
        this.clock = clock;
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
     * The cached file of the image, named {@code <id><suffix>}, downloaded first if it is not there; its use
     * is recorded, and the cache shrunk below its bound.
     *
     * @throws SpawnFailure (retryable: another host may reach image-service) when it cannot be fetched
     */
    public Path fetch(BuildServer.ImageSpec image, String suffix) {
        requireId(image == null ? null : image.id());
        Path file = dir.resolve(image.id() + suffix);
        synchronized (lockOf(image.id())) {
            try {
                if (!Files.exists(file)) {
                    Files.createDirectories(dir);
                    Path partial = dir.resolve(image.id() + suffix + ".partial");
                    source.download(image, partial);
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            } catch (IOException e) {
                throw new SpawnFailure("image " + image.id() + " could not be fetched: " + e.getMessage(), true);
            }
        }
        evictAboveBound();
        return file;
    }

    /** Makes a file from another: {@code source} read, {@code target} (a partial file) written. */
    @FunctionalInterface
    public interface Derivation {
        void make(Path source, Path target) throws IOException;
    }

    /**
     * A file made once from the image's cached copy — a flattened root filesystem, the process an image's
     * configuration names — cached beside it as {@code <id><suffix>} (and evicted and forgotten with the
     * image's files): made under the image's lock from {@link #fetch}'s file into a partial file moved into
     * place when complete, so concurrent builds wait for the one making it.
     *
     * @throws SpawnFailure what {@code derivation} throws, or a retryable one when the image cannot be fetched
     */
    public Path derive(BuildServer.ImageSpec image, String sourceSuffix, String suffix, Derivation derivation) {
        requireId(image == null ? null : image.id());
        Path file = dir.resolve(image.id() + suffix);
        synchronized (lockOf(image.id())) {
            if (Files.exists(file)) {
                touch(file, image);
                return file;
            }
        }
        Path source = fetch(image, sourceSuffix);
        synchronized (lockOf(image.id())) {
            try {
                if (!Files.exists(file)) {
                    Path partial = dir.resolve(image.id() + suffix + ".partial");
                    try {
                        derivation.make(source, partial);
                        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        InstanceFiles.deleteTree(partial);
                    }
                }
                Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            } catch (IOException e) {
                throw new SpawnFailure("image " + image.id() + " could not be prepared: " + e.getMessage(), false);
            }
        }
        evictAboveBound();
        return file;
    }

    private void touch(Path file, BuildServer.ImageSpec image) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        } catch (IOException e) {
            throw new SpawnFailure("image " + image.id() + " could not be read from the cache: " + e.getMessage(),
                    true);
        }
    }

    /** Drops the image's cached files (it was deleted in image-service) unless one is in use. */
    public void forget(String imageId) {
        if (imageId == null || !imageId.matches("[A-Za-z0-9-]{1,64}")) {
            return;
        }
        synchronized (lockOf(imageId)) {
            for (Path file : cachedFiles()) {
                if (file.getFileName().toString().startsWith(imageId + ".") && !inUse.test(file)) {
                    delete(file, "its image was deleted");
                }
            }
        }
    }

    /** The least recently used images evicted until the cache fits its bound (or only protected ones are left). */
    synchronized void evictAboveBound() {
        List<Path> files = cachedFiles();
        long total = files.stream().mapToLong(ImageCache::size).sum();
        if (total <= maxBytes) {
            return;
        }
        for (Path file : files.stream().sorted(Comparator.comparing(ImageCache::lastUse)).toList()) {
            if (total <= maxBytes) {
                return;
            }
            String imageId = file.getFileName().toString().split("\\.", 2)[0];
            synchronized (lockOf(imageId)) {
                if (lastUse(file).toInstant().isAfter(clock.instant().minus(RECENT)) || inUse.test(file)) {
                    continue;
                }
                long size = size(file);
                if (delete(file, "the cache is above " + (maxBytes >> 20) + " MiB")) {
                    total -= size;
                }
            }
        }
    }

    private List<Path> cachedFiles() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".partial")).filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean delete(Path file, String why) {
        try {
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                log.info("Image cache: removed {} ({})", file.getFileName(), why);
            }
            return deleted;
        } catch (IOException e) {
            log.warn("Image cache: {} could not be removed: {}", file, e.getMessage());
            return false;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static FileTime lastUse(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private Object lockOf(String imageId) {
        return downloads.computeIfAbsent(imageId, id -> new Object());
    }

    private static void requireId(String imageId) {
        if (imageId == null || !imageId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new SpawnFailure("the build names no usable image", false);
        }
    }
}
