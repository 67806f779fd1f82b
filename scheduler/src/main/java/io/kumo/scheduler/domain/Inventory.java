package io.kumo.scheduler.domain;

/**
 * What a provider offers of one resource class. Capacity is {@code (total - reserved) * allocation_ratio},
 * and one allocation must be a multiple of {@code step_size} between {@code min_unit} and {@code max_unit}.
 */
public record Inventory(int total, int reserved, int minUnit, int maxUnit, int stepSize, double allocationRatio) {

    public static final int MAX = Integer.MAX_VALUE;

    /** Placement's defaults for the fields a request leaves out. */
    public static Inventory withDefaults(Integer total, Integer reserved, Integer minUnit, Integer maxUnit,
            Integer stepSize, Double allocationRatio) {
        if (total == null) {
            throw PlacementException.badRequest("'total' is a required property");
        }
        return new Inventory(total, reserved == null ? 0 : reserved, minUnit == null ? 1 : minUnit,
                maxUnit == null ? MAX : maxUnit, stepSize == null ? 1 : stepSize,
                allocationRatio == null ? 1.0 : allocationRatio).validated();
    }

    public Inventory validated() {
        requireAtLeast("total", total, 1);
        requireAtLeast("reserved", reserved, 0);
        requireAtLeast("min_unit", minUnit, 1);
        requireAtLeast("max_unit", maxUnit, 1);
        requireAtLeast("step_size", stepSize, 1);
        if (!(allocationRatio > 0) || Double.isInfinite(allocationRatio)) {
            throw PlacementException.badRequest("Unable to update inventory: allocation_ratio must be greater than 0,"
                    + " got " + allocationRatio + ".");
        }
        if (reserved > total) {
            throw PlacementException.badRequest("Unable to update inventory: the reserved value (" + reserved
                    + ") is greater than the total (" + total + ").");
        }
        if (minUnit > maxUnit) {
            throw PlacementException.badRequest("Unable to update inventory: min_unit (" + minUnit
                    + ") is greater than max_unit (" + maxUnit + ").");
        }
        return this;
    }

    public long capacity() {
        return (long) ((total - (long) reserved) * allocationRatio);
    }

    /** @return why {@code amount} more cannot be allocated on top of {@code used}, or null if it can */
    public String refusal(long amount, long used) {
        if (amount < minUnit) {
            return "below min_unit " + minUnit;
        }
        if (amount > maxUnit) {
            return "above max_unit " + maxUnit;
        }
        if (amount % stepSize != 0) {
            return "not a multiple of step_size " + stepSize;
        }
        if (used + amount > capacity()) {
            return "capacity " + capacity() + " exceeded (used " + used + ", requested " + amount + ")";
        }
        return null;
    }

    private static void requireAtLeast(String field, long value, long min) {
        if (value < min) {
            throw PlacementException.badRequest("Unable to update inventory: '" + field + "' must be at least " + min
                    + ", got " + value + ".");
        }
    }
}
