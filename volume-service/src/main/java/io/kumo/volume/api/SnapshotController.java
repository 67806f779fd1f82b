package io.kumo.volume.api;

import io.kumo.common.audit.AuditTarget;
import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.common.web.PageRequest;
import io.kumo.common.web.PublicUrls;
import io.kumo.volume.application.Snapshots;
import io.kumo.volume.application.VolumeLookup;
import io.kumo.volume.application.VolumeQueries;
import io.kumo.volume.domain.Snapshot;
import io.kumo.volume.domain.SnapshotStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

/** Cinder 3.0 {@code /v3/{project_id}/snapshots} with their metadata. */
@RestController
class SnapshotController {

    private final Snapshots snapshots;
    private final VolumeLookup lookup;
    private final VolumeQueries queries;
    private final PublicUrls urls;

    SnapshotController(Snapshots snapshots, VolumeLookup lookup, VolumeQueries queries, PublicUrls urls) {
        this.snapshots = snapshots;
        this.lookup = lookup;
        this.queries = queries;
        this.urls = urls;
    }

    @PostMapping("/v3/{projectId}/snapshots")
    ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody(required = false) JsonNode body,
            HttpServletRequest request) {
        JsonNode s = CinderBodies.wrapped(body, "snapshot");
        Snapshot created = snapshots.create(caller, VolumeController.uuid(CinderBodies.string(s, "volume_id"),
                "volume_id"), CinderBodies.string(s, "name", "display_name"),
                CinderBodies.string(s, "description", "display_description"), CinderBodies.bool(s, "force", false),
                CinderBodies.metadata(s, "metadata"));
        AuditTarget.set(request, "snapshot", created.id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("snapshot", SnapshotViews.basic(created)));
    }

    @GetMapping("/v3/{projectId}/snapshots")
    Map<String, Object> list(Caller caller, @RequestParam Map<String, String> params, HttpServletRequest request) {
        return page(caller, params, request, SnapshotViews::basic);
    }

    @GetMapping("/v3/{projectId}/snapshots/detail")
    Map<String, Object> detail(Caller caller, @RequestParam Map<String, String> params, HttpServletRequest request) {
        return page(caller, params, request, SnapshotViews::detail);
    }

    @GetMapping("/v3/{projectId}/snapshots/{id}")
    Map<String, Object> show(Caller caller, @PathVariable String id) {
        return Map.of("snapshot", SnapshotViews.detail(lookup.snapshot(caller, id)));
    }

    @PutMapping("/v3/{projectId}/snapshots/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        JsonNode s = CinderBodies.wrapped(body, "snapshot");
        return Map.of("snapshot", SnapshotViews.basic(snapshots.update(caller, id,
                CinderBodies.string(s, "name", "display_name"),
                CinderBodies.string(s, "description", "display_description"))));
    }

    @DeleteMapping("/v3/{projectId}/snapshots/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        snapshots.delete(caller, id);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/v3/{projectId}/snapshots/{id}/metadata")
    Map<String, Object> metadata(Caller caller, @PathVariable String id) {
        return Map.of("metadata", lookup.snapshot(caller, id).metadata());
    }

    @PostMapping("/v3/{projectId}/snapshots/{id}/metadata")
    Map<String, Object> mergeMetadata(Caller caller, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        return Map.of("metadata", snapshots.setMetadata(caller, id, VolumeMetadataController.metadataOf(body), false));
    }

    @PutMapping("/v3/{projectId}/snapshots/{id}/metadata")
    Map<String, Object> replaceMetadata(Caller caller, @PathVariable String id,
            @RequestBody(required = false) JsonNode body) {
        return Map.of("metadata", snapshots.setMetadata(caller, id, VolumeMetadataController.metadataOf(body), true));
    }

    @DeleteMapping("/v3/{projectId}/snapshots/{id}/metadata/{key}")
    void deleteMetadata(Caller caller, @PathVariable String id, @PathVariable String key) {
        snapshots.deleteMetadata(caller, id, key);
    }

    private Map<String, Object> page(Caller caller, Map<String, String> params, HttpServletRequest request,
            Function<Snapshot, Map<String, Object>> view) {
        VolumeController.requireDefaultSort(params);
        PageRequest page = PageRequest.of(params.get("limit"), params.get("marker"), VolumeController.MAX_LIMIT,
                VolumeController.MAX_LIMIT);
        SnapshotStatus status = null;
        if (params.get("status") != null) {
            status = SnapshotStatus.ofWire(params.get("status").toLowerCase());
            if (status == null) {
                throw ApiException.badRequest("Invalid input received: '" + params.get("status")
                        + "' is not a snapshot status.");
            }
        }
        List<Snapshot> found = queries.snapshots(caller, params.get("name"), status, params.get("volume_id"),
                VolumeController.allTenants(params), params.get("project_id"), page.marker(), page.limit());
        return CinderPages.body("snapshots", found.stream().map(view).toList(),
                found.isEmpty() ? null : found.get(found.size() - 1).id(), page, request, urls);
    }
}
