package io.kumo.volume.domain;

import java.time.Instant;

/**
 * A volume attached to a server (or to a host, for a host-side user such as a backup), as Cinder records it.
 *
 * @param mountpoint the device the guest sees it as ({@code /dev/vdb}) or the path a container has it at
 * @param attachMode {@code rw} or {@code ro}
 */
public record Attachment(String id, String volumeId, String serverId, String hostName, String mountpoint,
        String attachMode, Instant attachedAt) {
}
