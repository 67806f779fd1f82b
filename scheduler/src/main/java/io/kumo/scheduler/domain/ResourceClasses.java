package io.kumo.scheduler.domain;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Placement's resource classes: the standard ones (os-resource-classes) and operators' CUSTOM_* ones. */
public final class ResourceClasses {

    public static final String VCPU = "VCPU";
    public static final String MEMORY_MB = "MEMORY_MB";
    public static final String DISK_GB = "DISK_GB";

    public static final List<String> STANDARD = List.of(VCPU, MEMORY_MB, DISK_GB, "PCI_DEVICE", "SRIOV_NET_VF",
            "NUMA_SOCKET", "NUMA_CORE", "NUMA_THREAD", "NUMA_MEMORY_MB", "IPV4_ADDRESS", "VGPU", "VGPU_DISPLAY_HEAD",
            "NET_BW_EGR_KILOBIT_PER_SEC", "NET_BW_IGR_KILOBIT_PER_SEC", "PCPU", "MEM_ENCRYPTION_CONTEXT", "FPGA",
            "PGPU", "NET_PACKET_RATE_KILOPACKET_PER_SEC", "NET_PACKET_RATE_EGR_KILOPACKET_PER_SEC",
            "NET_PACKET_RATE_IGR_KILOPACKET_PER_SEC");

    private static final Set<String> STANDARD_SET = Set.copyOf(STANDARD);
    private static final Pattern CUSTOM = Pattern.compile("CUSTOM_[A-Z0-9_]{1,248}");

    private ResourceClasses() {
    }

    public static boolean isStandard(String name) {
        return STANDARD_SET.contains(name);
    }

    public static boolean isValidCustomName(String name) {
        return name != null && CUSTOM.matcher(name).matches();
    }
}
