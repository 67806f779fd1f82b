package io.kumo.common.contract.volume;

import io.kumo.common.contract.MessageType;

/**
 * What volume-service asks a storage host to do to one volume or snapshot: on {@code kumo.host.commands},
 * routed by the host's name. Every task is idempotent on the host (creating what exists, or deleting what
 * is gone, succeeds), so a redelivered command is harmless. The outcome comes back as {@link VolumeTaskDone}.
 *
 * @param task       what to do
 * @param host       the storage host
 * @param backend    the backend on it that keeps the volume
 * @param volumeId   the volume (for snapshot tasks: the snapshot's volume)
 * @param snapshotId the snapshot, for snapshot tasks; null otherwise
 * @param sizeGb     the volume's size: to create it with, or to extend it to
 * @param source     what a new volume starts with (CREATE_VOLUME only)
 * @param requestId  the API request this comes from, for logs
 */
@MessageType(name = "VolumeCommand", version = 1)
public record VolumeCommand(Task task, String host, String backend, String volumeId, String snapshotId, int sizeGb,
        VolumeSource source, String requestId) {

    public enum Task { CREATE_VOLUME, DELETE_VOLUME, EXTEND_VOLUME, CREATE_SNAPSHOT, DELETE_SNAPSHOT }

    /** The volume or snapshot the task is about. */
    public String resourceId() {
        return snapshotId != null ? snapshotId : volumeId;
    }
}
