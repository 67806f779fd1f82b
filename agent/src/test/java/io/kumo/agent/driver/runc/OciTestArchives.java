package io.kumo.agent.driver.runc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Image layers and archives for tests, written as Docker and OCI tools write them. */
final class OciTestArchives {

    private OciTestArchives() {
    }

    /** One entry of a layer: a file with content and mode, a directory, a symbolic or hard link. */
    record Entry(String name, byte type, String content, String link, int mode, int uid) {

        static Entry file(String name, String content) {
            return new Entry(name, TarArchiveEntry.LF_NORMAL, content, null, 0644, 0);
        }

        static Entry file(String name, String content, int mode, int uid) {
            return new Entry(name, TarArchiveEntry.LF_NORMAL, content, null, mode, uid);
        }

        static Entry dir(String name) {
            return new Entry(name, TarArchiveEntry.LF_DIR, null, null, 0755, 0);
        }

        static Entry symlink(String name, String target) {
            return new Entry(name, TarArchiveEntry.LF_SYMLINK, null, target, 0777, 0);
        }

        static Entry hardlink(String name, String target) {
            return new Entry(name, TarArchiveEntry.LF_LINK, null, target, 0644, 0);
        }
    }

    static Path layer(Path out, boolean gzip, Entry... entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(out);
                OutputStream stream = gzip ? new GZIPOutputStream(file) : file;
                TarArchiveOutputStream tar = new TarArchiveOutputStream(stream)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(e.name(), e.type());
                entry.setMode(e.mode());
                entry.setUserId(e.uid());
                entry.setGroupId(e.uid());
                if (e.link() != null) {
                    entry.setLinkName(e.link());
                }
                byte[] content = e.content() == null ? new byte[0] : e.content().getBytes(StandardCharsets.UTF_8);
                entry.setSize(e.type() == TarArchiveEntry.LF_NORMAL ? content.length : 0);
                tar.putArchiveEntry(entry);
                if (e.type() == TarArchiveEntry.LF_NORMAL) {
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
        }
        return out;
    }

    /** An image configuration as {@code docker inspect} shows its {@code Config}. */
    static String config(String entrypoint, String cmd, String env, String workingDir, String user) {
        return """
                {"architecture":"amd64","os":"linux","config":{"Entrypoint":%s,"Cmd":%s,"Env":%s,"WorkingDir":"%s",
                 "User":"%s"},"rootfs":{"type":"layers","diff_ids":[]}}""".formatted(entrypoint, cmd, env, workingDir,
                user);
    }

    /** What {@code docker save} writes: {@code manifest.json}, the configuration, {@code <id>/layer.tar}. */
    static Path dockerSave(Path out, String config, List<Path> layers) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String name = "layer" + i + "/layer.tar";
            names.add("\"" + name + "\"");
            files.put(name, Files.readAllBytes(layers.get(i)));
        }
        files.put("cfg.json", config.getBytes(StandardCharsets.UTF_8));
        files.put("manifest.json", ("[{\"Config\":\"cfg.json\",\"RepoTags\":[\"test:latest\"],\"Layers\":"
                + names + "}]").getBytes(StandardCharsets.UTF_8));
        return archive(out, files);
    }

    /**
     * An OCI image layout whose {@code index.json} leads to an image index with an arm64 and an amd64
     * manifest, as multi-platform images are saved.
     */
    static Path ociLayout(Path out, String config, List<Path> layers) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        List<String> layerDescriptors = new ArrayList<>();
        for (Path layer : layers) {
            byte[] bytes = Files.readAllBytes(layer);
            layerDescriptors.add(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", blob(files, bytes),
                    bytes.length, null));
        }
        byte[] cfg = config.getBytes(StandardCharsets.UTF_8);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":"
                + descriptor("application/vnd.oci.image.config.v1+json", blob(files, cfg), cfg.length, null)
                + ",\"layers\":" + layerDescriptors + "}";
        byte[] other = "{\"schemaVersion\":2,\"config\":{},\"layers\":[]}".getBytes(StandardCharsets.UTF_8);
        String index = "{\"schemaVersion\":2,\"manifests\":["
                + descriptor("application/vnd.oci.image.manifest.v1+json", blob(files, other), other.length,
                        "{\"os\":\"linux\",\"architecture\":\"arm64\"}") + ","
                + descriptor("application/vnd.oci.image.manifest.v1+json",
                        blob(files, manifest.getBytes(StandardCharsets.UTF_8)), manifest.length(),
                        "{\"os\":\"linux\",\"architecture\":\"" + OciArchive.architecture() + "\"}") + "]}";
        byte[] indexBytes = index.getBytes(StandardCharsets.UTF_8);
        files.put("index.json", ("{\"schemaVersion\":2,\"manifests\":[" + descriptor(
                "application/vnd.oci.image.index.v1+json", blob(files, indexBytes), indexBytes.length, null) + "]}")
                .getBytes(StandardCharsets.UTF_8));
        return archive(out, files);
    }

    private static String descriptor(String mediaType, String digest, long size, String platform) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size
                + (platform == null ? "" : ",\"platform\":" + platform) + "}";
    }

    private static String blob(Map<String, byte[]> files, byte[] content) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            files.put("blobs/sha256/" + hex, content);
            return "sha256:" + hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path archive(Path out, Map<String, byte[]> files) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out;
    }
}
