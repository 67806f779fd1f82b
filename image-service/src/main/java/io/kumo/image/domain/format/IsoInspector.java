package io.kumo.image.domain.format;

/**
 * ISO 9660: the primary volume descriptor at 32 KiB, identifier {@code CD001}; the volume's size is
 * its block count times its block size (both stored both-endian; the little-endian half is read).
 */
final class IsoInspector {

    static final int DESCRIPTOR = 0x8000;

    private IsoInspector() {
    }

    static boolean matches(Bytes head) {
        return head.startsWith(DESCRIPTOR + 1, "CD001");
    }

    static Inspection inspect(Bytes head) {
        if (!head.has(DESCRIPTOR, 132)) {
            return Inspection.unsafe(DetectedFormat.ISO, "the ISO 9660 volume descriptor is truncated");
        }
        long blocks = head.u32le(DESCRIPTOR + 80);
        long blockSize = head.u16le(DESCRIPTOR + 128);
        return Inspection.safe(DetectedFormat.ISO, blocks * blockSize);
    }
}
