package io.kumo.compute.domain;

import java.time.Instant;

/**
 * A volume attached to a server, as Nova's {@code os-volume_attachments} shows it.
 *
 * @param device    where the guest sees it: {@code /dev/vdb} in a VM, {@code /mnt/data} in a container
 * @param status    how far the attach or detach has come
 * @param requestId the instance action of the attach or detach under way (or done last)
 */
public record VolumeAttachment(String volumeId, String serverId, String projectId, String device, Status status,
        String requestId, Instant createdAt, Instant updatedAt) {

    /**
     * {@code ATTACHING}: the host is plugging it in; {@code ATTACHED}: the guest has it; {@code DETACHING}: the
     * host is taking it out (or, for a deleted server, volume-service is still to hear it is free).
     */
    public enum Status {
        ATTACHING, ATTACHED, DETACHING;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public VolumeAttachment inStatus(Status next, String request, Instant now) {
        return new VolumeAttachment(volumeId, serverId, projectId, device, next, request, createdAt, now);
    }
}
