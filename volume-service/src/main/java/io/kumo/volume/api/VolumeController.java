package io.kumo.volume.api;

import io.kumo.common.audit.AuditTarget;
import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.common.web.PageRequest;
import io.kumo.common.web.PublicUrls;
import io.kumo.volume.application.NewVolume;
import io.kumo.volume.application.VolumeActions;
import io.kumo.volume.application.VolumeCreation;
import io.kumo.volume.application.VolumeLookup;
import io.kumo.volume.application.VolumeQueries;
import io.kumo.volume.application.VolumeTypes;
import io.kumo.volume.domain.Volume;
import io.kumo.volume.domain.VolumeQuery;
import io.kumo.volume.domain.VolumeSort;
import io.kumo.volume.domain.VolumeStatus;
import io.kumo.volume.domain.VolumeType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
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
import tools.jackson.databind.json.JsonMapper;

/** Cinder 3.0 {@code /v3/{project_id}/volumes}: create, list, detail, show, update, delete. */
@RestController
class VolumeController {

    static final int MAX_LIMIT = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VolumeCreation creation;
    private final VolumeActions actions;
    private final VolumeLookup lookup;
    private final VolumeQueries queries;
    private final VolumeTypes types;
    private final PublicUrls urls;

    VolumeController(VolumeCreation creation, VolumeActions actions, VolumeLookup lookup, VolumeQueries queries,
            VolumeTypes types, PublicUrls urls) {
        this.creation = creation;
        this.actions = actions;
        this.lookup = lookup;
        this.queries = queries;
        this.types = types;
        this.urls = urls;
    }

    @PostMapping("/v3/{projectId}/volumes")
    ResponseEntity<Map<String, Object>> create(Caller caller, @PathVariable String projectId,
            @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        JsonNode v = CinderBodies.wrapped(body, "volume");
        if (CinderBodies.bool(v, "multiattach", false)) {
            throw ApiException.badRequest("Invalid input received: multiattach volumes are not offered.");
        }
        String image = CinderBodies.string(v, "imageRef", "image_id");
        NewVolume wanted = new NewVolume(CinderBodies.string(v, "name", "display_name"),
                CinderBodies.string(v, "description", "display_description"), CinderBodies.size(v, "size"),
                CinderBodies.string(v, "volume_type"), CinderBodies.string(v, "availability_zone"),
                CinderBodies.metadata(v, "metadata"), uuid(CinderBodies.string(v, "snapshot_id"), "snapshot_id"),
                uuid(CinderBodies.string(v, "source_volid"), "source_volid"), imageId(image));
        Volume created = creation.create(caller, wanted);
        AuditTarget.set(request, "volume", created.id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("volume", VolumeViews.basic(created,
                types.byId(created.typeId()).name(), caller, base(request, projectId))));
    }

    @GetMapping("/v3/{projectId}/volumes")
    Map<String, Object> list(Caller caller, @PathVariable String projectId, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        VolumeViews.Base base = base(request, projectId);
        return page(caller, params, request, v -> VolumeViews.summary(v, base));
    }

    @GetMapping("/v3/{projectId}/volumes/detail")
    Map<String, Object> detail(Caller caller, @PathVariable String projectId, @RequestParam Map<String, String> params,
            HttpServletRequest request) {
        VolumeViews.Base base = base(request, projectId);
        Map<String, String> typeNames = typeNames();
        return page(caller, params, request, v -> VolumeViews.detail(v, typeNames.get(v.typeId()), caller, base));
    }

    @GetMapping("/v3/{projectId}/volumes/{id}")
    Map<String, Object> show(Caller caller, @PathVariable String projectId, @PathVariable String id,
            HttpServletRequest request) {
        Volume v = lookup.volume(caller, id);
        return Map.of("volume", VolumeViews.detail(v, types.byId(v.typeId()).name(), caller, base(request, projectId)));
    }

    @PutMapping("/v3/{projectId}/volumes/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String projectId, @PathVariable String id,
            @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        JsonNode v = CinderBodies.wrapped(body, "volume");
        Map<String, String> metadata = v.has("metadata") ? CinderBodies.metadata(v, "metadata") : null;
        Volume updated = actions.update(caller, id, CinderBodies.string(v, "name", "display_name"),
                CinderBodies.string(v, "description", "display_description"), metadata);
        return Map.of("volume", VolumeViews.basic(updated, types.byId(updated.typeId()).name(), caller,
                base(request, projectId)));
    }

    @DeleteMapping("/v3/{projectId}/volumes/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id,
            @RequestParam(name = "cascade", required = false) String cascade) {
        actions.delete(caller, id, cascade != null && Set.of("true", "1", "yes").contains(cascade.toLowerCase()));
        return ResponseEntity.accepted().build();
    }

    private Map<String, Object> page(Caller caller, Map<String, String> params, HttpServletRequest request,
            Function<Volume, Map<String, Object>> view) {
        VolumeSort sort = sortOf(params);
        PageRequest page = PageRequest.of(params.get("limit"), params.get("marker"), MAX_LIMIT, MAX_LIMIT);
        Optional<VolumeStatus> status = status(params.get("status"));
        if (params.get("status") != null && status.isEmpty()) {
            return Map.of("volumes", List.of());
        }
        VolumeQuery filters = new VolumeQuery(null, params.get("name"), status.orElse(null),
                params.containsKey("bootable") ? Boolean.valueOf(params.get("bootable")) : null,
                params.get("availability_zone"), params.containsKey("size") ? size(params.get("size")) : null,
                metadataFilter(params.get("metadata")));
        List<Volume> found = queries.volumes(caller, filters, sort, allTenants(params), params.get("project_id"),
                page.marker(), page.limit());
        return CinderPages.body("volumes", found.stream().map(view).toList(),
                found.isEmpty() ? null : found.get(found.size() - 1).id(), page, request, urls);
    }

    /**
     * {@code sort=<key>[:<dir>]} or {@code sort_key=<key>&sort_dir=<dir>} (desc by default): one of Cinder's
     * keys, optionally followed by {@code id}, which breaks ties anyway.
     */
    static VolumeSort sortOf(Map<String, String> params) {
        String sort = params.get("sort");
        if (sort == null && params.get("sort_key") == null) {
            requireDirection(params.get("sort_dir"));
            return params.get("sort_dir") == null ? VolumeSort.NEWEST_FIRST
                    : new VolumeSort(VolumeSort.Key.CREATED_AT, params.get("sort_dir").equalsIgnoreCase("asc"));
        }
        String asked = sort != null ? sort : params.get("sort_key");
        String[] keys = asked.split(",");
        String[] first = keys.length == 0 ? new String[0] : keys[0].trim().split(":");
        if (first.length == 0 || first[0].isBlank() || first.length > 2) {
            throw ApiException.badRequest("Invalid input received: Invalid sort key " + asked + ".");
        }
        for (int i = 1; i < keys.length; i++) {
            if (!keys[i].trim().startsWith("id") || !keys[i].trim().matches("id(:(asc|desc))?")) {
                throw ApiException.badRequest("Invalid input received: volumes are sorted by one key (and id), not"
                        + " by '" + (sort != null ? sort : params.get("sort_key")) + "'.");
            }
        }
        VolumeSort.Key key = VolumeSort.Key.ofWire(first[0]).orElseThrow(() -> ApiException.badRequest(
                "Invalid input received: Invalid sort key " + first[0] + "."));
        String direction = first.length > 1 ? first[1] : params.get("sort_dir");
        requireDirection(direction);
        return new VolumeSort(key, direction != null && direction.equalsIgnoreCase("asc"));
    }

    private static void requireDirection(String direction) {
        if (direction != null && !direction.equalsIgnoreCase("asc") && !direction.equalsIgnoreCase("desc")) {
            throw ApiException.badRequest("Invalid input received: Unknown sort direction, must be 'desc' or 'asc'.");
        }
    }

    /** {@code metadata={"k": "v"}} (JSON, or Python's quoting as the cinder client sends it): all must match. */
    static Map<String, String> metadataFilter(String value) {
        if (value == null || value.isBlank()) {
            return Map.of();
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(value.trim().startsWith("{'") ? value.replace('\'', '"') : value);
        } catch (RuntimeException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject()) {
            throw ApiException.badRequest("Invalid input received: metadata must be a dictionary, such as"
                    + " {\"key\": \"value\"}, not " + value + ".");
        }
        Map<String, String> items = new java.util.LinkedHashMap<>();
        parsed.properties().forEach(e -> items.put(e.getKey(), e.getValue().isString() ? e.getValue().asString()
                : e.getValue().toString()));
        return items;
    }

    private Map<String, String> typeNames() {
        return types.all().stream().collect(Collectors.toMap(VolumeType::id, VolumeType::name));
    }

    private VolumeViews.Base base(HttpServletRequest request, String projectId) {
        return new VolumeViews.Base(urls.base(request), projectId);
    }

    static boolean allTenants(Map<String, String> params) {
        String value = params.get("all_tenants");
        return value != null && Set.of("1", "true", "yes", "t", "y", "on").contains(value.toLowerCase());
    }

    /** Snapshot lists are newest first only. */
    static void requireDefaultSort(Map<String, String> params) {
        String sort = params.getOrDefault("sort", params.get("sort_key"));
        if (sort != null && !sort.split(":")[0].split(",")[0].equals("created_at")) {
            throw ApiException.badRequest("Invalid input received: sorting by '" + sort + "' is not offered; lists"
                    + " are newest first.");
        }
        String dir = params.get("sort_dir");
        if (dir != null && !dir.equalsIgnoreCase("desc")) {
            throw ApiException.badRequest("Invalid input received: only sort_dir=desc is offered.");
        }
    }

    /** An unknown status matches no volume (Tempest lists with one and expects an empty list). */
    private static Optional<VolumeStatus> status(String wire) {
        return wire == null ? Optional.empty() : Optional.ofNullable(VolumeStatus.ofWire(wire.toLowerCase()));
    }

    private static Integer size(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid input received: size must be an integer, got '" + value + "'.");
        }
    }

    static String uuid(String value, String field) {
        if (value != null && !value.matches("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
                + "[0-9a-fA-F]{12}")) {
            throw ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + value + ". '"
                    + value + "' is not a 'uuid'.");
        }
        return value;
    }

    /** imageRef may be an id or a URL whose last segment is the id (Cinder's convention). */
    private static String imageId(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String trimmed = ref.endsWith("/") ? ref.substring(0, ref.length() - 1) : ref;
        return uuid(trimmed.substring(trimmed.lastIndexOf('/') + 1), "imageRef");
    }
}
