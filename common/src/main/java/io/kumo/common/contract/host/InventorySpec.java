package io.kumo.common.contract.host;

/** One resource class of a host, in Placement's terms (ratio 16 for VCPU means 16 guests' vCPUs per core). */
public record InventorySpec(int total, int reserved, int minUnit, int maxUnit, int stepSize, double allocationRatio) {

    /** All of {@code total} usable, one unit at a time up to the whole. */
    public static InventorySpec of(int total, int reserved, double allocationRatio) {
        return new InventorySpec(total, reserved, 1, total, 1, allocationRatio);
    }
}
