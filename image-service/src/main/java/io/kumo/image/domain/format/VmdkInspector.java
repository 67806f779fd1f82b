package io.kumo.image.domain.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VMDK. Only self-contained sparse files are safe: a descriptor may list extents in other files,
 * which a hypervisor would open. Like Glance, only {@code monolithicSparse} and
 * {@code streamOptimized} with a single extent are accepted; a bare text descriptor is refused.
 */
final class VmdkInspector {

    private static final Pattern CREATE_TYPE = Pattern.compile("createType\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern EXTENT = Pattern.compile("(?m)^\\s*(RW|RDONLY|NOACCESS)\\s+\\d+\\s+\\S+");

    private VmdkInspector() {
    }

    static boolean matches(Bytes head) {
        return head.startsWith(0, "KDMV") || head.startsWith(0, "# Disk DescriptorFile");
    }

    static Inspection inspect(Bytes head) {
        if (!head.startsWith(0, "KDMV")) {
            return Inspection.unsafe(DetectedFormat.VMDK, "a VMDK descriptor file refers to other files");
        }
        if (!head.has(0, 44)) {
            return Inspection.unsafe(DetectedFormat.VMDK, "the VMDK header is truncated");
        }
        long capacitySectors = head.u64le(12);
        long descriptorSector = head.u64le(28);
        long descriptorSectors = head.u64le(36);
        if (descriptorSector == 0 || descriptorSectors == 0) {
            return Inspection.unsafe(DetectedFormat.VMDK, "the VMDK has no embedded descriptor");
        }
        long start = descriptorSector * 512;
        long size = Math.min(descriptorSectors * 512, 64 * 1024);
        if (start > Integer.MAX_VALUE || !head.has((int) start, 1)) {
            return Inspection.unsafe(DetectedFormat.VMDK, "the VMDK descriptor lies beyond the inspected header");
        }
        String descriptor = head.ascii((int) start, (int) size);
        Matcher type = CREATE_TYPE.matcher(descriptor);
        if (!type.find()) {
            return Inspection.unsafe(DetectedFormat.VMDK, "the VMDK descriptor has no createType");
        }
        if (!type.group(1).equals("monolithicSparse") && !type.group(1).equals("streamOptimized")) {
            return Inspection.unsafe(DetectedFormat.VMDK, "VMDK createType " + type.group(1) + " is not allowed");
        }
        Matcher extents = EXTENT.matcher(descriptor);
        int count = 0;
        while (extents.find()) {
            count++;
        }
        if (count > 1) {
            return Inspection.unsafe(DetectedFormat.VMDK, "the VMDK has " + count + " extents; only one is allowed");
        }
        return Inspection.safe(DetectedFormat.VMDK, capacitySectors * 512);
    }
}
