package io.kumo.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small raw HTTP client for Keystone calls in tests: status, headers and JSON body, nothing hidden. */
final class KeystoneClient {

    private static final JsonMapper JSON = new JsonMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    KeystoneClient(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    Response post(String path, String token, String json) {
        return send("POST", path, token, json, null);
    }

    Response patch(String path, String token, String json) {
        return send("PATCH", path, token, json, null);
    }

    Response put(String path, String token) {
        return send("PUT", path, token, null, null);
    }

    Response delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    Response head(String path, String token) {
        return send("HEAD", path, token, null, null);
    }

    Response send(String method, String path, String token, String json, String subjectToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (subjectToken != null) {
            request.header("X-Subject-Token", subjectToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), response.headers(),
                    body == null || body.isBlank() ? null : JSON.readTree(body), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Password authentication scoped to a project, both by name in the Default domain; returns the token. */
    String token(String user, String password, String project) {
        Response r = post("/v3/auth/tokens", null, passwordAuth(user, password, project));
        if (r.status() != 201) {
            throw new IllegalStateException("auth failed for " + user + ": " + r.status() + " " + r.text());
        }
        return r.header("X-Subject-Token");
    }

    static String passwordAuth(String user, String password, String project) {
        String scope = project == null ? "" : ", \"scope\": {\"project\": {\"name\": \"" + project
                + "\", \"domain\": {\"name\": \"Default\"}}}";
        return "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"" + user
                + "\", \"domain\": {\"name\": \"Default\"}, \"password\": \"" + password + "\"}}}" + scope + "}}";
    }

    record Response(int status, java.net.http.HttpHeaders headers, JsonNode body, String text) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode at(String pointer) {
            return body.at(pointer);
        }

        String str(String pointer) {
            return body.at(pointer).asString();
        }
    }
}
