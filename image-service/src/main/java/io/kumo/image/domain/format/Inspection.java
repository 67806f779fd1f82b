package io.kumo.image.domain.format;

/**
 * The verdict on uploaded bytes: their real format, the disk size a guest would see where the format
 * says it, and, if the data is dangerous to hand to a hypervisor, why.
 *
 * @param virtualSize bytes the guest sees, or null where the format does not tell
 * @param unsafe      null when safe; else what makes the data unsafe (a backing file, say)
 */
public record Inspection(DetectedFormat format, Long virtualSize, String unsafe) {

    static Inspection safe(DetectedFormat format, Long virtualSize) {
        return new Inspection(format, virtualSize, null);
    }

    static Inspection unsafe(DetectedFormat format, String reason) {
        return new Inspection(format, null, reason);
    }
}
