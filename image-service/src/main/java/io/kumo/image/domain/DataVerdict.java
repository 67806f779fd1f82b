package io.kumo.image.domain;

import io.kumo.image.domain.format.DetectedFormat;
import io.kumo.image.domain.format.Inspection;
import java.util.Locale;
import java.util.Map;

/**
 * Whether uploaded data may become an image with the formats its owner declared. The data must be
 * what the image says it is — a hypervisor told "raw" must not be fed a qcow2 that names a backing
 * file — and must not refer to files outside itself.
 */
public final class DataVerdict {

    private static final Map<String, DetectedFormat> EXPECTED = Map.of(
            "qcow2", DetectedFormat.QCOW2, "vmdk", DetectedFormat.VMDK, "vhd", DetectedFormat.VHD,
            "vhdx", DetectedFormat.VHDX, "vdi", DetectedFormat.VDI, "iso", DetectedFormat.ISO);

    private DataVerdict() {
    }

    /** Null when the data is acceptable, else the reason it is refused, for the client. */
    public static String refusal(String diskFormat, String containerFormat, Inspection inspection) {
        if (inspection.unsafe() != null) {
            return "Image data is unsafe: " + inspection.unsafe() + ".";
        }
        if (containerFormat != null && ContainerFormat.TAR_ARCHIVES.contains(containerFormat)) {
            return inspection.format() == DetectedFormat.TAR ? null
                    : "Image data is not a tar archive, as container_format " + containerFormat + " requires.";
        }
        if ("compressed".equals(containerFormat) || diskFormat == null || "ploop".equals(diskFormat)) {
            return null; // nothing Kumo can check
        }
        DetectedFormat found = inspection.format();
        if (DiskFormat.isRawLike(diskFormat)) {
            boolean plain = found == DetectedFormat.RAW || found == DetectedFormat.ISO || found == DetectedFormat.TAR;
            return plain ? null : mismatch(diskFormat, found);
        }
        return EXPECTED.get(diskFormat) == found ? null : mismatch(diskFormat, found);
    }

    private static String mismatch(String declared, DetectedFormat found) {
        return "Image data does not match disk_format " + declared + ": it is "
                + found.name().toLowerCase(Locale.ROOT) + " data.";
    }
}
