package io.kumo.volume.api;

import io.kumo.volume.domain.Snapshot;
import io.kumo.volume.domain.SnapshotStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Snapshots in Cinder 3.0's shape; show and detail add the two extended-snapshot attributes. */
final class SnapshotViews {

    private SnapshotViews() {
    }

    static Map<String, Object> basic(Snapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created_at", CinderTime.format(s.createdAt()));
        m.put("description", s.description());
        m.put("id", s.id());
        m.put("metadata", s.metadata());
        m.put("name", s.name());
        m.put("size", s.sizeGb());
        m.put("status", s.status().wire());
        m.put("updated_at", CinderTime.format(s.updatedAt()));
        m.put("volume_id", s.volumeId());
        return m;
    }

    static Map<String, Object> detail(Snapshot s) {
        Map<String, Object> m = basic(s);
        m.put("os-extended-snapshot-attributes:progress", s.status() == SnapshotStatus.AVAILABLE ? "100%" : "0%");
        m.put("os-extended-snapshot-attributes:project_id", s.projectId());
        return m;
    }
}
