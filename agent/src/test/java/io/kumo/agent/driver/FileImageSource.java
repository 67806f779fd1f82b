package io.kumo.agent.driver;

import io.kumo.common.contract.host.BuildServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Images of a test: files on this machine with the records image-service would keep of them. */
public final class FileImageSource implements ImageSource {

    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Map<String, BuildServer.ImageSpec> records = new ConcurrentHashMap<>();
    private final AtomicInteger downloads = new AtomicInteger();

    /** Adds an image: its record (id, formats, properties) and its bytes. */
    public FileImageSource with(BuildServer.ImageSpec record, Path file) {
        records.put(record.id(), record);
        files.put(record.id(), file);
        return this;
    }

    public static BuildServer.ImageSpec image(String id, String diskFormat, Map<String, String> properties) {
        return image(id, diskFormat, "bare", properties);
    }

    public static BuildServer.ImageSpec image(String id, String diskFormat, String containerFormat,
            Map<String, String> properties) {
        return new BuildServer.ImageSpec(id, id, diskFormat, containerFormat, 0, null, properties);
    }

    @Override
    public BuildServer.ImageSpec describe(String imageId) throws IOException {
        BuildServer.ImageSpec record = records.get(imageId);
        if (record == null) {
            throw new IOException("no image " + imageId);
        }
        return record;
    }

    @Override
    public void download(BuildServer.ImageSpec image, Path target) throws IOException {
        Path file = files.get(image.id());
        if (file == null) {
            throw new NoSuchFileException("image " + image.id());
        }
        downloads.incrementAndGet();
        Files.copy(file, target);
    }

    /** How many downloads there were (the cache fetches each image once). */
    public int downloads() {
        return downloads.get();
    }
}
