package io.kumo.volume.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A point-in-time copy of a volume, kept by the volume's backend next to it. Immutable, like {@link Volume}.
 *
 * @param host    the storage host that keeps it (its volume's when it was taken; the snapshot may outlive the volume)
 * @param backend the backend on that host
 */
public record Snapshot(String id, String projectId, String userId, String volumeId, String name, String description,
        int sizeGb, SnapshotStatus status, String host, String backend, String failure, Instant taskDeadline,
        Instant createdAt, Instant updatedAt, long version, Map<String, String> metadata) {

    public Snapshot {
        metadata = Map.copyOf(metadata);
    }

    public Snapshot inStatus(SnapshotStatus next, Instant deadline, String why, Instant now) {
        return new Snapshot(id, projectId, userId, volumeId, name, description, sizeGb, next, host, backend, why,
                deadline, createdAt, now, version, metadata);
    }

    public Snapshot renamed(String newName, String newDescription, Instant now) {
        return new Snapshot(id, projectId, userId, volumeId, newName, newDescription, sizeGb, status, host, backend,
                failure,
                taskDeadline, createdAt, now, version, metadata);
    }
}
