package io.kumo.dashboard.cloud;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to a service of the user's catalog with their token. A service missing from the catalog or out of reach
 * is a {@link CloudError} with status 0; one that refuses is a {@link CloudError} with its status and its own
 * message, which the page shows next to the form that sent it.
 */
public class CloudCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient rest;
    private final RestClient uploads;

    /** @param uploads for image uploads, whose transfer may take far longer than an API call */
    public CloudCalls(RestClient rest, RestClient uploads) {
        this.rest = rest;
        this.uploads = uploads;
    }

    JsonNode get(CloudSession session, String service, String path) {
        URI url = url(session, service, path);
        return call(service, () -> rest.get().uri(url).header("X-Auth-Token", session.token()).retrieve()
                .body(JsonNode.class));
    }

    /** A JSON POST; the answer's body, or an empty node when it has none (202). */
    JsonNode post(CloudSession session, String service, String path, Object body) {
        URI url = url(session, service, path);
        return orEmpty(call(service, () -> rest.post().uri(url).header("X-Auth-Token", session.token())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class)));
    }

    JsonNode put(CloudSession session, String service, String path, Object body) {
        URI url = url(session, service, path);
        return orEmpty(call(service, () -> rest.put().uri(url).header("X-Auth-Token", session.token())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class)));
    }

    /** Uploads bytes (an image's data) as application/octet-stream. */
    void upload(CloudSession session, String service, String path, java.io.InputStream data, long size) {
        URI url = url(session, service, path);
        call(service, () -> {
            uploads.put().uri(url).header("X-Auth-Token", session.token()).contentType(
                    MediaType.APPLICATION_OCTET_STREAM).contentLength(size).body(output -> data.transferTo(output))
                    .retrieve().toBodilessEntity();
            return null;
        });
    }

    void delete(CloudSession session, String service, String path) {
        URI url = url(session, service, path);
        call(service, () -> {
            rest.delete().uri(url).header("X-Auth-Token", session.token()).retrieve().toBodilessEntity();
            return null;
        });
    }

    /**
     * The service's URL for the path, taken as it is: ids and names in it are encoded by their callers
     * ({@link #segment}), so that no value is read as a URI template nor encoded twice.
     */
    private static URI url(CloudSession session, String service, String path) {
        String base = session.endpoint(service);
        if (base == null) {
            throw new CloudError(0, "the catalog has no " + service + " service");
        }
        try {
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        } catch (IllegalArgumentException e) {
            throw new CloudError(400, "Invalid request: " + e.getMessage());
        }
    }

    /** A value (an id, a key pair's name) as one path segment: {@code a?b} or {@code ../x} stay what they are. */
    static String segment(String value) {
        return UriUtils.encodePathSegment(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            throw new CloudError(e.getStatusCode().value(), messageOf(e.getResponseBodyAsString(),
                    e.getStatusText()));
        } catch (RestClientException e) {
            throw new CloudError(0, service + " cannot be reached");
        }
    }

    private static JsonNode orEmpty(JsonNode body) {
        return body == null ? JSON.createObjectNode() : body;
    }

    /**
     * The message of an OpenStack error body — Keystone's {@code {"error": {"message"}}}, Nova's and Cinder's
     * {@code {"badRequest": {"message"}}}, Neutron's {@code {"NeutronError": {"message"}}} — else the fallback.
     */
    static String messageOf(String body, String fallback) {
        try {
            JsonNode root = JSON.readTree(body);
            for (JsonNode error : root) {
                if (error.path("message").isString()) {
                    return error.path("message").asString();
                }
            }
        } catch (RuntimeException e) {
            // not JSON: the status text says what there is to say
        }
        return fallback;
    }

    /**
     * What the user typed into a field, as it goes into a request: trimmed, a missing field empty — the service
     * says what is wrong with it, in its own words.
     */
    static String typed(String value) {
        return value == null ? "" : value.strip();
    }

    /** A number field: an integer when it is one, else the text as typed, for the service to refuse. */
    static Object typedNumber(String value) {
        String typed = typed(value);
        try {
            return Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            return typed;
        }
    }

    /** An optional field the user filled in. */
    static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
