package io.kumo.common.contract.volume;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * The outcome of a {@link VolumeCommand}: on {@code kumo.host.events}, routing key {@code volume.task-done}.
 *
 * @param location where the backend keeps the volume (a file path on the storage host), for attaching it;
 *                 null for snapshot and delete tasks
 * @param error    null on success, else why the backend could not do it
 * @param sizeGb   the volume's size after a successful CREATE_VOLUME or EXTEND_VOLUME; 0 otherwise
 */
@MessageType(name = "VolumeTaskDone", version = 1)
public record VolumeTaskDone(VolumeCommand.Task task, String host, String backend, String volumeId, String snapshotId,
        String location, String error, Instant at, int sizeGb) {

    public static final String ROUTING_KEY = "volume.task-done";

    /** An outcome that reports no size (snapshot and delete tasks, failures). */
    public VolumeTaskDone(VolumeCommand.Task task, String host, String backend, String volumeId, String snapshotId,
            String location, String error, Instant at) {
        this(task, host, backend, volumeId, snapshotId, location, error, at, 0);
    }

    public boolean succeeded() {
        return error == null;
    }
}
