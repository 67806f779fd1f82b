package io.kumo.compute.domain;

import java.util.Map;

/**
 * A host's resources in placement: per class the inventory and what is allocated, and how many
 * consumers (servers) hold something there.
 */
public record HostResources(Map<String, Capacity> byClass, long consumers) {

    public static final String VCPU = "VCPU";
    public static final String MEMORY_MB = "MEMORY_MB";
    public static final String DISK_GB = "DISK_GB";

    public HostResources {
        byClass = Map.copyOf(byClass);
    }

    /** Nova's view of one class: the physical total (without the allocation ratio), reserved and used. */
    public record Capacity(long total, long reserved, double allocationRatio, long used) {
    }

    public long total(String resourceClass) {
        Capacity c = byClass.get(resourceClass);
        return c == null ? 0 : c.total();
    }

    public long used(String resourceClass) {
        Capacity c = byClass.get(resourceClass);
        return c == null ? 0 : c.used();
    }

    /** What is left of the physical total, as Nova's free_ram_mb and free_disk_gb (negative when overcommitted). */
    public long free(String resourceClass) {
        Capacity c = byClass.get(resourceClass);
        return c == null ? 0 : c.total() - c.reserved() - c.used();
    }
}
