package io.kumo.scheduler.domain;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Standard traits (a subset of os-traits plus Kumo's hypervisor traits COMPUTE_KVM, COMPUTE_QEMU and
 * COMPUTE_CONTAINER, which agents derive from their driver's capabilities) and operators' CUSTOM_* ones.
 */
public final class Traits {

    public static final String COMPUTE_KVM = "COMPUTE_KVM";
    public static final String COMPUTE_QEMU = "COMPUTE_QEMU";
    public static final String COMPUTE_CONTAINER = "COMPUTE_CONTAINER";
    public static final String COMPUTE_STATUS_DISABLED = "COMPUTE_STATUS_DISABLED";

    public static final List<String> STANDARD = List.of(COMPUTE_KVM, COMPUTE_QEMU, COMPUTE_CONTAINER,
            COMPUTE_STATUS_DISABLED, "COMPUTE_NODE", "COMPUTE_ARCH_X86_64", "COMPUTE_ARCH_AARCH64",
            "COMPUTE_IMAGE_TYPE_QCOW2", "COMPUTE_IMAGE_TYPE_RAW", "COMPUTE_IMAGE_TYPE_ISO", "COMPUTE_VOLUME_ATTACH",
            "COMPUTE_VOLUME_EXTEND", "COMPUTE_VOLUME_MULTI_ATTACH", "COMPUTE_NET_ATTACH_INTERFACE",
            "COMPUTE_DEVICE_TAGGING", "COMPUTE_TRUSTED_CERTS", "COMPUTE_SAME_HOST_COLD_MIGRATE",
            "COMPUTE_RESCUE_BFV", "HW_CPU_X86_AVX", "HW_CPU_X86_AVX2", "HW_CPU_X86_SSE42", "HW_CPU_X86_AESNI",
            "HW_CPU_X86_VMX", "HW_CPU_X86_SVM", "HW_CPU_HYPERTHREADING", "HW_NIC_SRIOV", "STORAGE_DISK_SSD",
            "STORAGE_DISK_HDD", "MISC_SHARES_VIA_AGGREGATE");

    private static final Set<String> STANDARD_SET = Set.copyOf(STANDARD);
    private static final Pattern CUSTOM = Pattern.compile("CUSTOM_[A-Z0-9_]{1,248}");

    private Traits() {
    }

    public static boolean isStandard(String name) {
        return STANDARD_SET.contains(name);
    }

    public static boolean isValidCustomName(String name) {
        return name != null && CUSTOM.matcher(name).matches();
    }
}
