package io.kumo.image.domain.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * VMDK. Only a self-contained sparse file is safe: a descriptor lists extents, and a hypervisor opens
 * every file they name. Accepted, as oslo's format inspector does: a sparse header with a capacity and
 * its descriptor at sector 1, wholly inside the inspected head; a {@code createType} of
 * {@code monolithicSparse} or {@code streamOptimized}, read the way QEMU reads it (the first
 * {@code createType} of the text); at most one extent, naming no path. A bare text descriptor is refused.
 */
final class VmdkInspector {

    private static final Set<String> SAFE_TYPES = Set.of("monolithicSparse", "streamOptimized");
    private static final Set<String> ACCESS = Set.of("RW", "RDONLY", "NOACCESS");

    private VmdkInspector() {
    }

    static boolean matches(Bytes head) {
        return head.startsWith(0, "KDMV") || head.startsWith(0, "# Disk DescriptorFile");
    }

    static Inspection inspect(Bytes head) {
        if (!head.startsWith(0, "KDMV")) {
            return unsafe("a VMDK descriptor file refers to other files");
        }
        if (!head.has(0, 44)) {
            return unsafe("the VMDK header is truncated");
        }
        long capacitySectors = head.u64le(12);
        long descriptorSector = head.u64le(28);
        long descriptorSectors = head.u64le(36);
        if (capacitySectors == 0) {
            return unsafe("the VMDK has no capacity of its own (it would defer to its descriptor's extents)");
        }
        if (descriptorSector != 1 || descriptorSectors == 0 || descriptorSectors > 2048
                || !head.has(512, (int) (descriptorSectors * 512))) {
            return unsafe("the VMDK descriptor is not where it must be, or lies beyond the inspected header");
        }
        String problem = checkDescriptor(head.ascii(512, (int) (descriptorSectors * 512)));
        return problem != null ? unsafe(problem) : Inspection.safe(DetectedFormat.VMDK, capacitySectors * 512);
    }

    private static String checkDescriptor(String descriptor) {
        int at = descriptor.indexOf("createType");
        if (at < 0) {
            return "the VMDK descriptor has no createType";
        }
        String rest = descriptor.substring(at + "createType".length());
        if (!rest.startsWith("=\"") || rest.indexOf('"', 2) < 0) {
            return "the VMDK createType is malformed";
        }
        String type = rest.substring(2, rest.indexOf('"', 2));
        if (!SAFE_TYPES.contains(type)) {
            return "VMDK createType " + type + " is not allowed";
        }
        List<String> extents = new ArrayList<>();
        for (String line : descriptor.split("\n")) {
            String trimmed = line.strip();
            String first = trimmed.split("\\s+", 2)[0];
            if (ACCESS.contains(first)) {
                extents.add(trimmed);
            }
        }
        if (extents.size() > 1) {
            return "the VMDK has " + extents.size() + " extents; only one is allowed";
        }
        if (extents.stream().anyMatch(e -> e.contains("/"))) {
            return "a VMDK extent names a path";
        }
        return null;
    }

    private static Inspection unsafe(String reason) {
        return Inspection.unsafe(DetectedFormat.VMDK, reason);
    }
}
