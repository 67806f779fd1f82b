package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.SpawnFailure;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Docker/OCI image archive (Glance's {@code container_format} {@code docker}) holds: its layers,
 * lowest first, as paths inside the archive, and its configuration. Both archive layouts are read — what
 * {@code docker save} writes ({@code manifest.json}: {@code Config}, {@code Layers}) and an OCI image layout
 * ({@code index.json} → manifest, or an index of manifests per platform, of which this host's is taken →
 * {@code config} and {@code layers} blobs under {@code blobs/<algorithm>/<hex>}). Only the archive's small
 * entries are read, in one pass; the layers stay where they are.
 */
final class OciArchive {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DIGEST = Pattern.compile("([a-z0-9]+):([a-f0-9]{32,128})");
    /** Entries up to this size are read (manifests, indexes, configurations); the rest are layers. */
    private static final long SMALL = 4L << 20;
    private static final long SMALL_TOTAL = 64L << 20;

    private final List<String> layers;
    private final ImageConfig config;

    private OciArchive(List<String> layers, ImageConfig config) {
        this.layers = List.copyOf(layers);
        this.config = config;
    }

    /** The layers' paths inside the archive, lowest first. */
    List<String> layers() {
        return layers;
    }

    ImageConfig config() {
        return config;
    }

    /** The process an image's configuration names ({@code docker inspect}'s {@code Config}). */
    record ImageConfig(List<String> entrypoint, List<String> cmd, List<String> env, String workingDir, String user) {

        ImageConfig {
            entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
            cmd = cmd == null ? List.of() : List.copyOf(cmd);
            env = env == null ? List.of() : List.copyOf(env);
        }

        static ImageConfig of(JsonNode image) {
            JsonNode c = image.path("config");
            return new ImageConfig(strings(c.path("Entrypoint")), strings(c.path("Cmd")), strings(c.path("Env")),
                    c.path("WorkingDir").asString(""), c.path("User").asString(""));
        }
    }

    /** @throws SpawnFailure (not retryable) when the archive is none of the two layouts, or incomplete */
    static OciArchive read(Path archive, String imageId) throws IOException {
        Map<String, byte[]> small = smallEntries(archive);
        try {
            if (small.containsKey("manifest.json")) {
                JsonNode manifest = JSON.readTree(small.get("manifest.json")).path(0);
                List<String> layers = strings(manifest.path("Layers"));
                String config = manifest.path("Config").asString(null);
                if (layers.isEmpty() || config == null) {
                    throw unusable(imageId, "its manifest.json names no Config or no Layers");
                }
                return new OciArchive(layers, ImageConfig.of(json(small, config, imageId)));
            }
            if (small.containsKey("index.json")) {
                JsonNode manifest = manifestOf(JSON.readTree(small.get("index.json")), small, imageId);
                List<String> layers = new ArrayList<>();
                for (JsonNode layer : manifest.path("layers")) {
                    layers.add(blob(layer.path("digest").asString(""), imageId));
                }
                if (layers.isEmpty()) {
                    throw unusable(imageId, "its manifest has no layers");
                }
                String config = blob(manifest.path("config").path("digest").asString(""), imageId);
                return new OciArchive(layers, ImageConfig.of(json(small, config, imageId)));
            }
        } catch (JacksonException e) {
            throw unusable(imageId, "a manifest or configuration is not JSON: " + e.getOriginalMessage());
        }
        throw unusable(imageId, "it has neither manifest.json (docker save) nor index.json (OCI image layout)");
    }

    /** The image manifest an index leads to: nested indexes followed, this host's platform chosen. */
    private static JsonNode manifestOf(JsonNode index, Map<String, byte[]> small, String imageId) {
        JsonNode node = index;
        for (int depth = 0; depth < 4 && node.has("manifests"); depth++) {
            JsonNode chosen = choose(node.path("manifests"));
            if (chosen == null) {
                throw unusable(imageId, "its index lists no manifest for linux/" + architecture());
            }
            node = json(small, blob(chosen.path("digest").asString(""), imageId), imageId);
        }
        return node;
    }

    /** The entry for linux on this host's architecture, else the only one or one without a platform. */
    private static JsonNode choose(JsonNode manifests) {
        JsonNode withoutPlatform = null;
        for (JsonNode m : manifests) {
            JsonNode platform = m.path("platform");
            if (platform.isMissingNode()) {
                withoutPlatform = withoutPlatform == null ? m : withoutPlatform;
            } else if (platform.path("os").asString("").equals("linux")
                    && platform.path("architecture").asString("").equals(architecture())) {
                return m;
            }
        }
        return withoutPlatform != null ? withoutPlatform : manifests.size() == 1 ? manifests.get(0) : null;
    }

    static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }

    /** The path of a blob in an OCI layout: {@code blobs/<algorithm>/<hex>}. */
    private static String blob(String digest, String imageId) {
        var m = DIGEST.matcher(digest);
        if (!m.matches()) {
            throw unusable(imageId, "'" + digest + "' is no digest");
        }
        return "blobs/" + m.group(1) + "/" + m.group(2);
    }

    private static JsonNode json(Map<String, byte[]> small, String path, String imageId) {
        byte[] content = small.get(normalize(path));
        if (content == null) {
            throw unusable(imageId, path + " is missing from the archive");
        }
        return JSON.readTree(content);
    }

    /** The archive's small regular files by normalized name (no {@code ./}, no leading slash). */
    private static Map<String, byte[]> smallEntries(Path archive) throws IOException {
        Map<String, byte[]> small = new HashMap<>();
        long total = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && entry.getSize() <= SMALL && total + entry.getSize() <= SMALL_TOTAL) {
                    small.put(normalize(entry.getName()), tar.readAllBytes());
                    total += entry.getSize();
                }
            }
        }
        return small;
    }

    static String normalize(String path) {
        return String.join("/", OciLayers.components(path));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(v -> values.add(v.asString()));
        }
        return values;
    }

    private static SpawnFailure unusable(String imageId, String why) {
        return new SpawnFailure("image " + imageId + " is no usable Docker/OCI image archive: " + why, false);
    }
}
