package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.compute.application.ServerUpdates;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /servers/{id}/metadata[/{key}]} as Nova 2.1 answers it. */
@RestController
class ServerMetadataController {

    private final ServerUpdates updates;

    ServerMetadataController(ServerUpdates updates) {
        this.updates = updates;
    }

    @GetMapping("/v2.1/servers/{id}/metadata")
    Map<String, Object> list(Caller caller, @PathVariable String id) {
        return Map.of("metadata", updates.metadata(caller, id));
    }

    /** Merges the given items into the server's metadata. */
    @PostMapping("/v2.1/servers/{id}/metadata")
    Map<String, Object> merge(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        return Map.of("metadata", updates.setMetadata(caller, id, items(body, "metadata"), false));
    }

    /** Replaces all of the server's metadata. */
    @PutMapping("/v2.1/servers/{id}/metadata")
    Map<String, Object> replace(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        return Map.of("metadata", updates.setMetadata(caller, id, items(body, "metadata"), true));
    }

    @GetMapping("/v2.1/servers/{id}/metadata/{key}")
    Map<String, Object> show(Caller caller, @PathVariable String id, @PathVariable String key) {
        String value = updates.metadata(caller, id).get(key);
        if (value == null) {
            throw ApiException.notFound("Metadata item was not found");
        }
        return Map.of("meta", Map.of(key, value));
    }

    @PutMapping("/v2.1/servers/{id}/metadata/{key}")
    Map<String, Object> set(Caller caller, @PathVariable String id, @PathVariable String key,
            @RequestBody JsonNode body) {
        Map<String, String> item = items(body, "meta");
        if (item.size() != 1 || !item.containsKey(key)) {
            throw ApiException.badRequest(item.size() > 1 ? "Request body contains too many items"
                    : "Request body and URI mismatch");
        }
        updates.setMetadata(caller, id, item, false);
        return Map.of("meta", item);
    }

    @DeleteMapping("/v2.1/servers/{id}/metadata/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id, @PathVariable String key) {
        updates.deleteItem(caller, id, key);
    }

    /** {"<wrapper>": {"key": "value", …}}: string keys of 1–255 characters and string values up to 255. */
    private static Map<String, String> items(JsonNode body, String wrapper) {
        JsonNode object = NovaJson.resource(body, wrapper);
        Map<String, String> items = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (!e.getValue().isString() || e.getKey().isEmpty() || e.getKey().length() > 255
                    || e.getValue().asString().length() > 255) {
                throw NovaJson.invalid(wrapper, object, "keys and values must be strings of 1 to 255 characters");
            }
            items.put(e.getKey(), e.getValue().asString());
        }
        return items;
    }
}
