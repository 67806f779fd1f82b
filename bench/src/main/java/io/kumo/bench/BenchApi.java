package io.kumo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP calls the load drivers share: JSON requests with a token, password tokens, ids out of bodies. */
final class BenchApi {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private BenchApi() {
    }

    /** A request; a 4xx or 5xx answer is an exception naming it. */
    static HttpResponse<String> call(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    /**
     * A project of its own for a benchmark, with a member user and room for {@code ports} ports; returns
     * the member's token.
     */
    /** A project's own unified limit, for the catalog service of {@code serviceType}. */
    record Limit(String serviceType, String resource, long value) {
    }

    static String memberProject(String identity, String adminToken, String project, List<Limit> limits)
            throws Exception {
        String projectId = firstId(call("POST", identity + "/v3/projects", adminToken,
                "{\"project\":{\"name\":\"" + project + "\",\"domain_id\":\"default\"}}").body());
        String user = firstId(call("POST", identity + "/v3/users", adminToken, "{\"user\":{\"name\":\"" + project
                + "-user\",\"domain_id\":\"default\",\"password\":\"bench-pass\"}}").body());
        String role = firstId(call("GET", identity + "/v3/roles?name=member", adminToken, null).body());
        call("PUT", identity + "/v3/projects/" + projectId + "/users/" + user + "/roles/" + role, adminToken, null);
        for (Limit limit : limits) {
            String service = firstId(call("GET", identity + "/v3/services?type=" + limit.serviceType(), adminToken,
                    null).body());
            call("POST", identity + "/v3/limits", adminToken, "{\"limits\":[{\"project_id\":\"" + projectId
                    + "\",\"service_id\":\"" + service + "\",\"resource_name\":\"" + limit.resource()
                    + "\",\"resource_limit\":" + limit.value() + "}]}");
        }
        return token(identity, project + "-user", "bench-pass", project);
    }

    /** Uploads bytes (Glance's image data PUT). */
    static void upload(String url, String token, byte[] data) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/octet-stream").header("X-Auth-Token", token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("PUT " + url + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** A project-scoped token by password (Default domain). */
    static String token(String identity, String user, String password, String project) throws Exception {
        HttpResponse<String> r = call("POST", identity + "/v3/auth/tokens?nocatalog", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + user
                        + "\",\"domain\":{\"id\":\"default\"},\"password\":\"" + password + "\"}}},"
                        + "\"scope\":{\"project\":{\"name\":\"" + project + "\",\"domain\":{\"id\":\"default\"}}}}}");
        return r.headers().firstValue("X-Subject-Token").orElseThrow(
                () -> new IllegalStateException("no token for " + user + ": " + r.body()));
    }

    /** The first {@code "id"} in a body, or null. */
    static String firstId(String body) {
        Matcher m = ID.matcher(body);
        return m.find() ? m.group(1) : null;
    }
}
