package io.kumo.image.domain.format;

/** VirtualBox VDI: signature 0xbeda107f at 0x40, disk size at 0x170 (little-endian). */
final class VdiInspector {

    private VdiInspector() {
    }

    static boolean matches(Bytes head) {
        return head.has(0x40, 4) && head.u32le(0x40) == 0xbeda107fL;
    }

    static Inspection inspect(Bytes head) {
        if (!head.has(0x170, 8)) {
            return Inspection.unsafe(DetectedFormat.VDI, "the VDI header is truncated");
        }
        return Inspection.safe(DetectedFormat.VDI, head.u64le(0x170));
    }
}
