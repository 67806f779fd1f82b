package io.kumo.common.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A raw HTTP client for integration tests of any service: status, headers and body exactly as the service sent them. */
public final class ApiClient {

    public static final JsonMapper JSON = new JsonMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String base) {
        this.base = base;
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null, null);
    }

    public Response post(String path, String token, String json) {
        return send("POST", path, token, "application/json", bytes(json), null);
    }

    public Response put(String path, String token, String json) {
        return send("PUT", path, token, json == null ? null : "application/json", bytes(json), null);
    }

    public Response patch(String path, String token, String contentType, String body) {
        return send("PATCH", path, token, contentType, bytes(body), null);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, null, null);
    }

    public Response upload(String path, String token, byte[] data) {
        return send("PUT", path, token, "application/octet-stream", data, null);
    }

    /** Streams {@code length} bytes from the supplier (never all in memory); length -1 sends it chunked. */
    public Response uploadStream(String path, String token, Supplier<InputStream> data, long length) {
        HttpRequest.BodyPublisher body = length < 0 ? HttpRequest.BodyPublishers.ofInputStream(data)
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(data), length);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("X-Auth-Token", token).header("Content-Type", "application/octet-stream").PUT(body).build();
        return execute(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<InputStream> download(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("X-Auth-Token", token).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, String token, String contentType, byte[] body, String[] headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (headers != null) {
            request.headers(headers);
        }
        return execute(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Response execute(HttpRequest request, HttpResponse.BodyHandler<byte[]> handler) {
        try {
            HttpResponse<byte[]> response = http.send(request, handler);
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    public record Response(int status, HttpHeaders headers, byte[] body) {

        public JsonNode json() {
            return body == null || body.length == 0 ? null : JSON.readTree(body);
        }

        public String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
