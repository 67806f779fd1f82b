package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * The outcome of a {@link VolumeAttachmentCommand}: on {@code kumo.host.events}, routing key
 * {@code server.volume-done}.
 *
 * @param error null on success, else why the host could not do it (the volume stays as it was)
 */
@MessageType(name = "VolumeAttachmentDone", version = 1)
public record VolumeAttachmentDone(String instanceUuid, String host, VolumeAttachmentCommand.Action action,
        String volumeId, String device, String requestId, String error, Instant at) {

    public static final String ROUTING_KEY = "server.volume-done";
}
