package io.kumo.agent.volume;

import java.nio.file.Path;

/**
 * An image's disk as a backend reads it to make a volume: the cached file, the format qemu-img reads it as
 * (always stated, never probed: a raw image that looks like qcow2 must not make qemu-img open a "backing
 * file" on the host), and the size of the disk it holds.
 *
 * @param imageId     the image in image-service
 * @param file        the host's cached copy
 * @param format      the qemu-img format ({@code raw}, {@code qcow2}, {@code vpc} for vhd, ...)
 * @param virtualSize the disk's size in bytes (for raw, the file's)
 */
public record ImageFile(String imageId, Path file, String format, long virtualSize) {

    /** @throws VolumeFailure when the image's disk is larger than a volume of {@code sizeGb} GiB */
    public void requireFits(int sizeGb) {
        if (virtualSize > VolumeSizes.bytes(sizeGb)) {
            long needed = VolumeSizes.gibHolding(virtualSize);
            throw new VolumeFailure("image " + imageId + " has a virtual size of " + virtualSize + " bytes ("
                    + needed + " GiB), larger than the volume's " + sizeGb + " GiB: make the volume at least "
                    + needed + " GiB");
        }
    }
}
