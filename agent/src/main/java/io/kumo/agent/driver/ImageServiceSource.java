package io.kumo.agent.driver;

import io.kumo.common.client.ServiceTokenProvider;
import io.kumo.common.contract.host.BuildServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Images from image-service ({@code GET /v2/images/{id}/file}) with the agent's service token, streamed
 * to disk and checked against the image's MD5 {@code checksum} when the build carries it (a mismatch is
 * an error: a corrupted download must not boot).
 */
public class ImageServiceSource implements ImageSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Glance's own fields; every other string field of an image is one of its properties. */
    private static final Set<String> CORE_FIELDS = Set.of("id", "name", "status", "visibility", "disk_format",
            "container_format", "checksum", "os_hash_algo", "os_hash_value", "owner", "created_at", "updated_at",
            "self", "file", "schema", "direct_url");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String imageUrl;
    private final ServiceTokenProvider tokens;

    public ImageServiceSource(String imageUrl, ServiceTokenProvider tokens) {
        this.imageUrl = imageUrl.endsWith("/") ? imageUrl.substring(0, imageUrl.length() - 1) : imageUrl;
        this.tokens = tokens;
    }

    @Override
    public BuildServer.ImageSpec describe(String imageId) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(imageUrl + "/v2/images/" + imageId))
                .header("X-Auth-Token", tokens.token()).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading image " + imageId, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("image-service answered " + response.statusCode() + " for image " + imageId);
        }
        JsonNode image = JSON.readTree(response.body());
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : image.properties()) {
            if (field.getValue().isString() && !CORE_FIELDS.contains(field.getKey())) {
                properties.put(field.getKey(), field.getValue().asString());
            }
        }
        return new BuildServer.ImageSpec(imageId, text(image, "name"), text(image, "disk_format"),
                text(image, "container_format"), image.path("size").asLong(0), text(image, "checksum"), properties);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    @Override
    public void download(BuildServer.ImageSpec image, Path target) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(imageUrl + "/v2/images/" + image.id() + "/file"))
                .header("X-Auth-Token", tokens.token()).timeout(Duration.ofMinutes(30)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading image " + image.id(), e);
        }
        MessageDigest md5 = md5();
        try (InputStream body = new DigestInputStream(response.body(), md5); OutputStream out = Files.newOutputStream(target)) {
            if (response.statusCode() != 200) {
                throw new IOException("image-service answered " + response.statusCode() + " for image " + image.id());
            }
            body.transferTo(out);
        }
        String actual = HexFormat.of().formatHex(md5.digest());
        if (image.checksum() != null && !image.checksum().isBlank() && !image.checksum().equalsIgnoreCase(actual)) {
            Files.deleteIfExists(target);
            throw new IOException("image " + image.id() + " downloaded with MD5 " + actual + ", expected "
                    + image.checksum());
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
