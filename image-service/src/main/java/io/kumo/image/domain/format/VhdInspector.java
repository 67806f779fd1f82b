package io.kumo.image.domain.format;

/**
 * VHD (Virtual PC/Hyper-V): a 512-byte footer, cookie {@code conectix}, at the end of the file
 * (dynamic disks also copy it to the start); the guest-visible size is its "current size" field.
 * Differencing disks (type 4) name a parent file and are refused.
 */
final class VhdInspector {

    private static final String COOKIE = "conectix";
    private static final long DIFFERENCING = 4;

    private VhdInspector() {
    }

    static boolean matches(Bytes head, Bytes tail) {
        return head.startsWith(0, COOKIE) || tail.startsWith(0, COOKIE);
    }

    static Inspection inspect(Bytes head, Bytes tail) {
        Bytes footer = tail.startsWith(0, COOKIE) ? tail : head;
        if (!footer.has(0, 64)) {
            return Inspection.unsafe(DetectedFormat.VHD, "the VHD footer is truncated");
        }
        if (footer.u32be(60) == DIFFERENCING) {
            return Inspection.unsafe(DetectedFormat.VHD, "a differencing VHD refers to a parent disk");
        }
        return Inspection.safe(DetectedFormat.VHD, footer.u64be(48));
    }
}
