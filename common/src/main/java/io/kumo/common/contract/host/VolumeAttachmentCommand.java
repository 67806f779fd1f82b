package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;

/**
 * compute-service asks the host a server runs on to attach a volume to it or detach one: on
 * {@code kumo.host.commands}, routed by the host's name. Both are idempotent on the host (attaching what is
 * attached, or detaching what is not, succeeds), so a redelivered command is harmless. The outcome comes back
 * as {@link VolumeAttachmentDone}.
 *
 * @param device     where the guest sees the volume: a VM's disk ({@code /dev/vdb}), or the path a container
 *                   has its file system mounted at ({@code /mnt/data})
 * @param connection how the host reaches the volume (ATTACH only; null for DETACH)
 * @param requestId  the instance action's request id, echoed in the answer
 */
@MessageType(name = "VolumeAttachmentCommand", version = 1)
public record VolumeAttachmentCommand(Action action, String instanceUuid, String host, String volumeId, String device,
        VolumeConnection connection, String requestId) {

    public enum Action { ATTACH, DETACH }

    /**
     * Cinder's {@code connection_info} as Kumo's backends give it: {@code driverVolumeType} {@code local}
     * (a file the host opens, under a directory that is local to the storage host or shared by NFS).
     *
     * @param devicePath  the volume's file
     * @param format      {@code raw}
     * @param storageHost the host that keeps the volume, for the error when the path is not visible here
     */
    public record VolumeConnection(String driverVolumeType, String devicePath, String format, String storageHost) {
    }
}
