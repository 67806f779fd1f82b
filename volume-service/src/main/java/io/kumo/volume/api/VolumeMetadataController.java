package io.kumo.volume.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.volume.application.VolumeActions;
import io.kumo.volume.application.VolumeLookup;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /v3/{project_id}/volumes/{id}/metadata}: read, merge (POST), replace (PUT), one key at a time. */
@RestController
class VolumeMetadataController {

    private final VolumeActions actions;
    private final VolumeLookup lookup;

    VolumeMetadataController(VolumeActions actions, VolumeLookup lookup) {
        this.actions = actions;
        this.lookup = lookup;
    }

    @GetMapping("/v3/{projectId}/volumes/{id}/metadata")
    Map<String, Object> show(Caller caller, @PathVariable String id) {
        return Map.of("metadata", lookup.volume(caller, id).metadata());
    }

    @PostMapping("/v3/{projectId}/volumes/{id}/metadata")
    Map<String, Object> merge(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        return Map.of("metadata", actions.setMetadata(caller, id, metadataOf(body), false));
    }

    @PutMapping("/v3/{projectId}/volumes/{id}/metadata")
    Map<String, Object> replace(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        return Map.of("metadata", actions.setMetadata(caller, id, metadataOf(body), true));
    }

    @GetMapping("/v3/{projectId}/volumes/{id}/metadata/{key}")
    Map<String, Object> showKey(Caller caller, @PathVariable String id, @PathVariable String key) {
        String value = lookup.volume(caller, id).metadata().get(key);
        if (value == null) {
            throw ApiException.notFound("Metadata item was not found");
        }
        return Map.of("meta", Map.of(key, value));
    }

    @PutMapping("/v3/{projectId}/volumes/{id}/metadata/{key}")
    Map<String, Object> putKey(Caller caller, @PathVariable String id, @PathVariable String key,
            @RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("Malformed request body: the body must be an object with the key 'meta'.");
        }
        Map<String, String> meta = CinderBodies.metadata(body, "meta");
        if (meta.size() != 1 || !meta.containsKey(key)) {
            throw ApiException.badRequest("Request body and URI mismatch");
        }
        actions.setMetadata(caller, id, meta, false);
        return Map.of("meta", meta);
    }

    @DeleteMapping("/v3/{projectId}/volumes/{id}/metadata/{key}")
    void deleteKey(Caller caller, @PathVariable String id, @PathVariable String key) {
        actions.deleteMetadata(caller, id, key);
    }

    static Map<String, String> metadataOf(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("metadata")) {
            throw ApiException.badRequest("Malformed request body: the body must be an object with the key"
                    + " 'metadata'.");
        }
        return CinderBodies.metadata(body, "metadata");
    }
}
