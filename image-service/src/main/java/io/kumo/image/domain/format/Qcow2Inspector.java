package io.kumo.image.domain.format;

/**
 * qcow2 (QEMU's format, big-endian header). A qcow2 image can point QEMU at other files: a backing
 * file, or (version 3) an external data file. Handed to a hypervisor, such an image reads any file
 * the host can — the hole behind Glance's 2024 format-inspector fix (CVE-2024-32498) — so either one
 * makes the image unsafe.
 */
final class Qcow2Inspector {

    static final String MAGIC = "QFI\u00fb";
    private static final long INCOMPATIBLE_EXTERNAL_DATA_FILE = 1L << 2;
    private static final long EXTENSION_END = 0;
    private static final long EXTENSION_EXTERNAL_DATA_FILE = 0x44415441L;
    private static final int V2_HEADER_LENGTH = 72;

    private Qcow2Inspector() {
    }

    static boolean matches(Bytes head) {
        return head.startsWith(0, MAGIC);
    }

    static Inspection inspect(Bytes head) {
        if (!head.has(0, V2_HEADER_LENGTH)) {
            return Inspection.unsafe(DetectedFormat.QCOW2, "the qcow2 header is truncated");
        }
        long version = head.u32be(4);
        if (version != 2 && version != 3) {
            return Inspection.unsafe(DetectedFormat.QCOW2, "unsupported qcow2 version " + version);
        }
        long clusterBits = head.u32be(20);
        if (clusterBits < 9 || clusterBits > 21) {
            return Inspection.unsafe(DetectedFormat.QCOW2, "invalid qcow2 cluster size (2^" + clusterBits + ")");
        }
        if (head.u64be(8) != 0 || head.u32be(16) != 0) {
            return Inspection.unsafe(DetectedFormat.QCOW2, "the qcow2 image names a backing file");
        }
        long virtualSize = head.u64be(24);
        int extensionsAt = V2_HEADER_LENGTH;
        if (version == 3) {
            if (!head.has(0, 104)) {
                return Inspection.unsafe(DetectedFormat.QCOW2, "the qcow2 v3 header is truncated");
            }
            if ((head.u64be(72) & INCOMPATIBLE_EXTERNAL_DATA_FILE) != 0) {
                return Inspection.unsafe(DetectedFormat.QCOW2, "the qcow2 image uses an external data file");
            }
            extensionsAt = (int) Math.min(head.u32be(100), Integer.MAX_VALUE);
        }
        String extensionProblem = checkExtensions(head, extensionsAt, 1L << clusterBits);
        if (extensionProblem != null) {
            return Inspection.unsafe(DetectedFormat.QCOW2, extensionProblem);
        }
        return Inspection.safe(DetectedFormat.QCOW2, virtualSize);
    }

    /** Header extensions live in the first cluster; an external data file name there is refused. */
    private static String checkExtensions(Bytes head, int offset, long clusterSize) {
        int at = offset;
        while (true) {
            if (at + 8 > clusterSize) {
                return "the qcow2 header extensions run past the first cluster";
            }
            if (!head.has(at, 8)) {
                return "the qcow2 header extensions could not be read";
            }
            long type = head.u32be(at);
            long length = head.u32be(at + 4);
            if (type == EXTENSION_END) {
                return null;
            }
            if (type == EXTENSION_EXTERNAL_DATA_FILE) {
                return "the qcow2 image names an external data file";
            }
            long next = at + 8 + ((length + 7) & ~7L);
            if (next > clusterSize) {
                return "the qcow2 header extensions run past the first cluster";
            }
            at = (int) next;
        }
    }
}
