package io.kumo.agent.volume;

import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.ImageCache;
import io.kumo.agent.driver.ImageSource;
import io.kumo.common.contract.host.BuildServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Images to make volumes from: read and downloaded once per image into the storage host's own cache (the
 * agent's {@link ImageCache}, MD5-checked, least recently used images evicted above the bound), then looked
 * at with {@code qemu-img info} in the format image-service declares, never a probed one. An image whose disk
 * names another file — a qcow2 backing file or external data file, a vmdk of flat or split extents — is
 * refused: converting it would copy a file of the host's into the tenant's volume.
 *
 * <p>The image source is asked for on first use, so a storage host that only makes blank volumes needs no
 * service user.
 */
public final class VolumeImages {

    /** Glance's disk formats that hold a disk, as qemu-img names them; ISO is copied as it is, as Cinder does. */
    private static final Map<String, String> QEMU_FORMATS = Map.of("raw", "raw", "qcow2", "qcow2", "vmdk", "vmdk",
            "vdi", "vdi", "vhd", "vpc", "vhdx", "vhdx", "iso", "raw");
    /** The vmdk kinds that are one self-contained file (Cinder's {@code check_vmdk_image} allows the same). */
    private static final Set<String> SELF_CONTAINED_VMDK = Set.of("monolithicSparse", "streamOptimized");
    /** How a vmdk that holds its own data (sparse or stream-optimized) begins; a descriptor is text. */
    private static final byte[] VMDK_SPARSE_MAGIC = "KDMV".getBytes(StandardCharsets.US_ASCII);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<ImageSource> source;
    private final Path cacheDir;
    private final long maxCacheBytes;
    private final Clock clock;
    private final HostCommands commands = new HostCommands(Duration.ofMinutes(1));
    private ImageCache cache;

    public VolumeImages(Supplier<ImageSource> source, Path cacheDir, long maxCacheBytes, Clock clock) {
        this.source = source;
        this.cacheDir = cacheDir;
        this.maxCacheBytes = maxCacheBytes;
        this.clock = clock;
    }

    /** The image's disk on this host, checked to be one a volume can be made of. */
    public ImageFile fetch(String imageId) {
        String id = VolumeIds.require("image", imageId);
        ImageCache images = cache();
        BuildServer.ImageSpec image = images.describe(id);
        String declared = image.diskFormat() == null ? "" : image.diskFormat();
        String format = QEMU_FORMATS.get(declared);
        if (format == null) {
            throw new VolumeFailure("image " + id + " has disk_format '" + declared + "', which holds no disk a volume"
                    + " can be made of (" + String.join(", ", QEMU_FORMATS.keySet().stream().sorted().toList()) + ")");
        }
        Path file = images.fetch(image, "." + declared);
        return new ImageFile(id, file, format, inspect(id, file, format));
    }

    /** The disk's virtual size, once qemu-img agreed the file is a self-contained disk of that format. */
    private long inspect(String imageId, Path file, String format) {
        if (format.equals("vmdk") && !startsWith(file, VMDK_SPARSE_MAGIC)) {
            // a text descriptor names its extent files, which qemu-img would open wherever they are
            throw new VolumeFailure("image " + imageId + " is a vmdk descriptor naming other files: only "
                    + String.join(" and ", SELF_CONTAINED_VMDK.stream().sorted().toList()) + " can become volumes");
        }
        String printed = commands.run(List.of("qemu-img", "info", "--output=json", "-f", format, file.toString()));
        JsonNode info = parse(imageId, printed);
        if (!format.equals(info.path("format").asString(""))) {
            throw new VolumeFailure("image " + imageId + " is not a " + format + " disk as image-service says");
        }
        if (info.has("backing-filename") || info.path("format-specific").path("data").has("data-file")) {
            throw new VolumeFailure("image " + imageId + " refers to another file (a backing or data file):"
                    + " only self-contained images can become volumes");
        }
        if (format.equals("vmdk")) {
            String type = info.path("format-specific").path("data").path("create-type").asString("");
            if (!SELF_CONTAINED_VMDK.contains(type)) {
                throw new VolumeFailure("image " + imageId + " is a vmdk of type '" + type + "': only "
                        + String.join(" and ", SELF_CONTAINED_VMDK.stream().sorted().toList()) + " can become volumes");
            }
        }
        long virtualSize = info.path("virtual-size").asLong(-1);
        if (virtualSize < 0) {
            throw new VolumeFailure("qemu-img names no virtual size for image " + imageId + ": " + printed.strip());
        }
        return virtualSize;
    }

    private static boolean startsWith(Path file, byte[] magic) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(magic.length), magic);
        } catch (IOException e) {
            throw new VolumeFailure("the cached image " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The JSON document qemu-img printed (after any warning it wrote on stderr, which shares the output). */
    private static JsonNode parse(String imageId, String printed) {
        int start = printed.indexOf('{');
        try {
            if (start >= 0) {
                return JSON.readTree(printed.substring(start));
            }
        } catch (JacksonException e) {
            // reported below with what qemu-img printed
        }
        throw new VolumeFailure("qemu-img could not read image " + imageId + ": " + printed.strip());
    }

    private synchronized ImageCache cache() {
        if (cache == null) {
            // no file is protected beyond the cache's ten minutes of recent use: a conversion has the image open by
            // then, and an evicted file stays readable to it
            cache = new ImageCache(source.get(), cacheDir, maxCacheBytes, file -> false, clock);
        }
        return cache;
    }
}
