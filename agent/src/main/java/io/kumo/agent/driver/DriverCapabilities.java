package io.kumo.agent.driver;

import io.kumo.common.contract.host.InventorySpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a driver declares about its host, the only thing the scheduler filters on (Nova's
 * {@code capabilities} map, typed): the hypervisor types it can run, the traits they stand for, and the
 * inventory per resource class (VCPU, MEMORY_MB, DISK_GB) with allocation ratios and reserved amounts.
 *
 * @param hypervisorTypes what servers may ask for in {@code hypervisor_type}
 * @param traits          the standard traits the host gets in placement (COMPUTE_QEMU, ...)
 * @param inventory       resource class to what the host offers of it
 */
public record DriverCapabilities(List<HypervisorType> hypervisorTypes, List<String> traits,
        Map<String, InventorySpec> inventory) {

    public static final String VCPU = "VCPU";
    public static final String MEMORY_MB = "MEMORY_MB";
    public static final String DISK_GB = "DISK_GB";

    public DriverCapabilities {
        hypervisorTypes = List.copyOf(hypervisorTypes);
        traits = List.copyOf(traits);
        inventory = Collections.unmodifiableMap(new LinkedHashMap<>(inventory));
    }

    /** Capabilities whose traits are exactly those of the hypervisor types offered. */
    public static DriverCapabilities of(List<HypervisorType> hypervisorTypes, Map<String, InventorySpec> inventory) {
        List<String> traits = hypervisorTypes.stream().map(HypervisorType::trait).distinct().toList();
        return new DriverCapabilities(hypervisorTypes.stream().distinct().toList(), traits, inventory);
    }

    /** VCPU, MEMORY_MB and DISK_GB totals with their allocation ratios and nothing reserved. */
    public static Map<String, InventorySpec> inventory(int vcpus, int memoryMb, int diskGb, double cpuRatio,
            double ramRatio, double diskRatio) {
        Map<String, InventorySpec> inventory = new LinkedHashMap<>();
        inventory.put(VCPU, InventorySpec.of(vcpus, 0, cpuRatio));
        inventory.put(MEMORY_MB, InventorySpec.of(memoryMb, 0, ramRatio));
        inventory.put(DISK_GB, InventorySpec.of(diskGb, 0, diskRatio));
        return inventory;
    }

    /** Whether a server asking for {@code hypervisorType} (null: no preference) can run here. */
    public boolean offers(String hypervisorType) {
        return hypervisorType == null || hypervisorType.isBlank()
                || hypervisorTypes.stream().anyMatch(type -> type.id().equalsIgnoreCase(hypervisorType.trim()));
    }
}
