package io.kumo.volume.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A volume as volume-service keeps it. Immutable: every change makes a new value, stored by a
 * compare-and-set on {@code version}.
 *
 * @param typeId       its volume type
 * @param host         the storage host that keeps it (null until one is chosen)
 * @param backend      the backend on that host
 * @param location     where the backend keeps it, as the host reported it (for attaching)
 * @param failure      why it went to an error status, for operators
 * @param taskDeadline when the host's current task (create, extend, delete) is overdue; null when none runs
 */
public record Volume(String id, String projectId, String userId, String name, String description, int sizeGb,
        VolumeStatus status, String typeId, String availabilityZone, boolean bootable, String snapshotId,
        String sourceVolId, String imageId, String host, String backend, String location, String failure,
        Instant taskDeadline, Instant createdAt, Instant updatedAt, long version, Map<String, String> metadata,
        List<Attachment> attachments) {

    public Volume {
        metadata = Map.copyOf(metadata);
        attachments = List.copyOf(attachments);
    }

    /** The same volume in another status; {@code deadline} bounds the host task the status stands for. */
    public Volume inStatus(VolumeStatus next, Instant deadline, Instant now) {
        return new Volume(id, projectId, userId, name, description, sizeGb, next, typeId, availabilityZone, bootable,
                snapshotId, sourceVolId, imageId, host, backend, location, failure, deadline, createdAt, now, version,
                metadata, attachments);
    }

    /** Failed: {@code status} is the error status, {@code why} what went wrong. */
    public Volume failed(VolumeStatus status, String why, Instant now) {
        return new Volume(id, projectId, userId, name, description, sizeGb, status, typeId, availabilityZone, bootable,
                snapshotId, sourceVolId, imageId, host, backend, location, why, null, createdAt, now, version,
                metadata, attachments);
    }

    /** Made by its host, now kept at {@code location}. */
    public Volume made(String location, Instant now) {
        return new Volume(id, projectId, userId, name, description, sizeGb, VolumeStatus.AVAILABLE, typeId,
                availabilityZone, bootable, snapshotId, sourceVolId, imageId, host, backend, location, null, null,
                createdAt, now, version, metadata, attachments);
    }

    public Volume resized(int newSizeGb, Instant now) {
        return new Volume(id, projectId, userId, name, description, newSizeGb, status, typeId, availabilityZone,
                bootable, snapshotId, sourceVolId, imageId, host, backend, location, failure, taskDeadline, createdAt,
                now, version, metadata, attachments);
    }

    public Volume renamed(String newName, String newDescription, Instant now) {
        return new Volume(id, projectId, userId, newName, newDescription, sizeGb, status, typeId, availabilityZone,
                bootable, snapshotId, sourceVolId, imageId, host, backend, location, failure, taskDeadline, createdAt,
                now, version, metadata, attachments);
    }

    public Volume withBootable(boolean value, Instant now) {
        return new Volume(id, projectId, userId, name, description, sizeGb, status, typeId, availabilityZone, value,
                snapshotId, sourceVolId, imageId, host, backend, location, failure, taskDeadline, createdAt, now,
                version, metadata, attachments);
    }
}
