package io.kumo.agent.driver;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The values of an image's or flavor's {@code hypervisor_type} Kumo understands, each with the placement
 * trait a host offering it carries (ARCHITECTURE.md §4: the scheduler picks hosts by trait, not by driver).
 */
public enum HypervisorType {
    QEMU("qemu", "COMPUTE_QEMU"),
    KVM("kvm", "COMPUTE_KVM"),
    CONTAINER("container", "COMPUTE_CONTAINER");

    private final String id;
    private final String trait;

    HypervisorType(String id, String trait) {
        this.id = id;
        this.trait = trait;
    }

    public String id() {
        return id;
    }

    public String trait() {
        return trait;
    }

    /** @throws IllegalArgumentException naming the known types, for a start-up error an operator can act on */
    public static HypervisorType fromId(String id) {
        String wanted = id == null ? "" : id.trim();
        return Arrays.stream(values()).filter(type -> type.id.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown hypervisor type '" + wanted + "'; known: "
                        + Arrays.stream(values()).map(HypervisorType::id).collect(Collectors.joining(", "))));
    }
}
