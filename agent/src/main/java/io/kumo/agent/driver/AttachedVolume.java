package io.kumo.agent.driver;

/**
 * A volume attached to an instance, as its driver keeps it in the instance's record (so a VM redefined by
 * a rebuild, or a container started again, has it still).
 *
 * @param device where the guest sees it: a VM's disk ({@code /dev/vdb}) or a container's mount point
 *               ({@code /mnt/data})
 * @param path   the volume's file on this host
 * @param format {@code raw} (or {@code qcow2})
 */
public record AttachedVolume(String volumeId, String device, String path, String format) {

    /** The device's last name ({@code vdb} of {@code /dev/vdb}, {@code data} of {@code /mnt/data}). */
    public String deviceName() {
        return device.substring(device.lastIndexOf('/') + 1);
    }
}
