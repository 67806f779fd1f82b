package io.kumo.volume.domain;

import java.time.Instant;
import java.util.Map;

/** A point-in-time copy of a volume, kept by the volume's backend next to it. Immutable, like {@link Volume}. */
public record Snapshot(String id, String projectId, String userId, String volumeId, String name, String description,
        int sizeGb, SnapshotStatus status, String failure, Instant taskDeadline, Instant createdAt, Instant updatedAt,
        long version, Map<String, String> metadata) {

    public Snapshot {
        metadata = Map.copyOf(metadata);
    }

    public Snapshot inStatus(SnapshotStatus next, Instant deadline, String why, Instant now) {
        return new Snapshot(id, projectId, userId, volumeId, name, description, sizeGb, next, why, deadline, createdAt,
                now, version, metadata);
    }

    public Snapshot renamed(String newName, String newDescription, Instant now) {
        return new Snapshot(id, projectId, userId, volumeId, newName, newDescription, sizeGb, status, failure,
                taskDeadline, createdAt, now, version, metadata);
    }
}
