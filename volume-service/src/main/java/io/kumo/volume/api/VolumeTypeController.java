package io.kumo.volume.api;

import io.kumo.common.audit.AuditTarget;
import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.volume.application.VolumeTypes;
import io.kumo.volume.domain.VolumeType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Cinder 3.0 {@code /v3/{project_id}/types} with extra specs. Users see the public types and only the extra
 * specs meant for them; admins see and change everything.
 */
@RestController
class VolumeTypeController {

    /** Extra specs non-admins may see (Cinder's user-visible keys); the backend's name is not one. */
    private static final Set<String> USER_VISIBLE_SPECS = Set.of("RESKEY:availability_zones", "multiattach",
            "replication_enabled");

    private final VolumeTypes types;

    VolumeTypeController(VolumeTypes types) {
        this.types = types;
    }

    @GetMapping("/v3/{projectId}/types")
    Map<String, Object> list(Caller caller, @RequestParam(name = "is_public", required = false) String isPublic) {
        Boolean only = isPublic == null || isPublic.equalsIgnoreCase("none") ? null : Boolean.valueOf(isPublic);
        return Map.of("volume_types", types.list(caller, only).stream().map(t -> view(t, caller, true, true))
                .toList());
    }

    @GetMapping("/v3/{projectId}/types/default")
    Map<String, Object> defaultType(Caller caller) {
        return Map.of("volume_type", view(types.defaultType(), caller, false, true));
    }

    @GetMapping("/v3/{projectId}/types/{id}")
    Map<String, Object> show(Caller caller, @PathVariable String id) {
        return Map.of("volume_type", view(types.find(caller, id), caller, true, true));
    }

    @PostMapping("/v3/{projectId}/types")
    Map<String, Object> create(Caller caller, @RequestBody(required = false) JsonNode body,
            HttpServletRequest request) {
        JsonNode t = CinderBodies.wrapped(body, "volume_type");
        VolumeType created = types.create(caller, CinderBodies.string(t, "name"), CinderBodies.string(t, "description"),
                CinderBodies.bool(t, "os-volume-type-access:is_public", CinderBodies.bool(t, "is_public", true)),
                CinderBodies.metadata(t, "extra_specs"));
        AuditTarget.set(request, "volume_type", created.id());
        return Map.of("volume_type", view(created, caller, true, false));
    }

    @PutMapping("/v3/{projectId}/types/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonNode t = CinderBodies.wrapped(body, "volume_type");
        Boolean isPublic = t.has("is_public") ? CinderBodies.bool(t, "is_public", true) : null;
        return Map.of("volume_type", view(types.update(caller, id, CinderBodies.string(t, "name"),
                CinderBodies.string(t, "description"), isPublic), caller, false, false));
    }

    @DeleteMapping("/v3/{projectId}/types/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        types.delete(caller, id);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/v3/{projectId}/types/{id}/extra_specs")
    Map<String, Object> extraSpecs(Caller caller, @PathVariable String id) {
        return Map.of("extra_specs", visibleSpecs(types.find(caller, id), caller));
    }

    @PostMapping("/v3/{projectId}/types/{id}/extra_specs")
    Map<String, Object> setExtraSpecs(Caller caller, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject() || !body.has("extra_specs")) {
            throw ApiException.badRequest("Malformed request body: the body must be an object with the key"
                    + " 'extra_specs'.");
        }
        Map<String, String> specs = CinderBodies.metadata(body, "extra_specs");
        types.setExtraSpecs(caller, id, specs, false);
        return Map.of("extra_specs", specs);
    }

    @GetMapping("/v3/{projectId}/types/{id}/extra_specs/{key}")
    Map<String, Object> extraSpec(Caller caller, @PathVariable String id, @PathVariable String key) {
        String value = visibleSpecs(types.find(caller, id), caller).get(key);
        if (value == null) {
            throw ApiException.notFound("Volume Type " + id + " has no extra specs with key " + key + ".");
        }
        return Map.of(key, value);
    }

    @PutMapping("/v3/{projectId}/types/{id}/extra_specs/{key}")
    Map<String, Object> putExtraSpec(Caller caller, @PathVariable String id, @PathVariable String key,
            @RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject() || body.size() != 1 || !body.has(key) || !body.get(key).isString()) {
            throw ApiException.badRequest("Request body and URI mismatch");
        }
        types.setExtraSpecs(caller, id, Map.of(key, body.get(key).asString()), false);
        return Map.of(key, body.get(key).asString());
    }

    @DeleteMapping("/v3/{projectId}/types/{id}/extra_specs/{key}")
    ResponseEntity<Void> deleteExtraSpec(Caller caller, @PathVariable String id, @PathVariable String key) {
        types.deleteExtraSpec(caller, id, key);
        return ResponseEntity.accepted().build();
    }

    /**
     * A type as Cinder shows it: list and show carry the access attribute (and admins see
     * {@code qos_specs_id}); create carries the access attribute too; update and the default type neither.
     */
    private static Map<String, Object> view(VolumeType t, Caller caller, boolean accessAttribute, boolean read) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("description", t.description());
        m.put("is_public", t.isPublic());
        m.put("extra_specs", visibleSpecs(t, caller));
        if (accessAttribute) {
            m.put("os-volume-type-access:is_public", t.isPublic());
        }
        if (read && Policy.isAdmin(caller)) {
            m.put("qos_specs_id", null);
        }
        return m;
    }

    private static Map<String, String> visibleSpecs(VolumeType t, Caller caller) {
        if (Policy.isAdmin(caller)) {
            return t.extraSpecs();
        }
        Map<String, String> visible = new LinkedHashMap<>();
        t.extraSpecs().forEach((k, v) -> {
            if (USER_VISIBLE_SPECS.contains(k)) {
                visible.put(k, v);
            }
        });
        return visible;
    }
}
