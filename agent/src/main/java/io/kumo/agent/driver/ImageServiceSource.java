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

/**
 * Images from image-service ({@code GET /v2/images/{id}/file}) with the agent's service token, streamed
 * to disk and checked against the image's MD5 {@code checksum} when the build carries it (a mismatch is
 * an error: a corrupted download must not boot).
 */
public class ImageServiceSource implements ImageSource {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String imageUrl;
    private final ServiceTokenProvider tokens;

    public ImageServiceSource(String imageUrl, ServiceTokenProvider tokens) {
        this.imageUrl = imageUrl.endsWith("/") ? imageUrl.substring(0, imageUrl.length() - 1) : imageUrl;
        this.tokens = tokens;
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
