package io.kumo.image.store;

import io.kumo.image.domain.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code file} store: one file per image in a directory (Glance's {@code filesystem_store_datadir}).
 * An upload is written to a {@code .partial} file beside it, forced to disk, then renamed into place,
 * so a crash never leaves a half-written image under its final name.
 */
public class FileImageStore implements ImageStore {

    private static final Logger log = LoggerFactory.getLogger(FileImageStore.class);
    /** An image id, then the upload's own suffix: every upload has a file of its own. */
    private static final Pattern SAFE_NAME = Pattern.compile("[0-9a-fA-F-]{36}(\\.[0-9a-f]{32})?");
    static final String PARTIAL = ".partial";

    private final Path directory;

    public FileImageStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public StagedUpload stage(String imageId) throws IOException {
        String name = checked(imageId + "." + UUID.randomUUID().toString().replace("-", ""));
        Path partial = directory.resolve(name + PARTIAL);
        FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new FileUpload(channel, partial, directory.resolve(name), name, directory);
    }

    @Override
    public InputStream open(String location, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(directory.resolve(checked(location)), StandardOpenOption.READ);
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public void delete(String location) throws IOException {
        Files.deleteIfExists(directory.resolve(checked(location)));
    }

    /** Partial files of uploads that died with their process; their images were put back to queued. */
    @Override
    public void removeAbandonedStaging(java.time.Duration olderThan) {
        long cutoff = System.currentTimeMillis() - olderThan.toMillis();
        try (var files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(PARTIAL)).forEach(f -> {
                try {
                    if (Files.getLastModifiedTime(f).toMillis() < cutoff) {
                        Files.deleteIfExists(f);
                        log.info("Removed abandoned partial upload {}", f.getFileName());
                    }
                } catch (IOException e) {
                    log.warn("Could not remove abandoned partial upload {}: {}", f, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("Could not scan {} for abandoned uploads: {}", directory, e.getMessage());
        }
    }

    @Override
    public java.util.List<String> committedBefore(java.time.Duration olderThan) {
        long cutoff = System.currentTimeMillis() - olderThan.toMillis();
        try (var files = Files.list(directory)) {
            return files.filter(f -> SAFE_NAME.matcher(f.getFileName().toString()).matches()).filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toMillis() < cutoff;
                } catch (IOException e) {
                    return false;
                }
            }).map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            log.warn("Could not list {}: {}", directory, e.getMessage());
            return java.util.List.of();
        }
    }

    /** Locations are image ids; anything else (a path, "..") never reaches the file system. */
    private static String checked(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an image data location: " + name);
        }
        return name;
    }

    private static final class FileUpload implements StagedUpload {

        private final FileChannel channel;
        private final Path partial;
        private final Path target;
        private final String location;
        private final Path directory;

        FileUpload(FileChannel channel, Path partial, Path target, String location, Path directory) {
            this.channel = channel;
            this.partial = partial;
            this.target = target;
            this.location = location;
            this.directory = directory;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        @Override
        public String commit() throws IOException {
            try (channel) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            // the rename itself must survive a power cut before the image is declared active
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
            return location;
        }

        @Override
        public void abort() {
            try {
                channel.close();
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                log.warn("Could not remove partial upload {}: {}", partial, e.getMessage());
            }
        }
    }
}
