package io.kumo.dashboard.cloud;

/**
 * A compute host as the operator's hosts page shows it: its service's state (Nova's os-services) beside its
 * hypervisor's usage (os-hypervisors). {@code serviceId} is null for a hypervisor without a service row.
 */
public record ComputeHost(String name, String zone, boolean enabled, boolean up, String disabledReason,
        String hypervisorType, int vcpus, int vcpusUsed, long memoryMb, long memoryMbUsed, long diskGb,
        long diskGbUsed, int runningVms, String updatedAt) {

    public int vcpuPercent() {
        return percent(vcpusUsed, vcpus);
    }

    public int memoryPercent() {
        return percent(memoryMbUsed, memoryMb);
    }

    public int diskPercent() {
        return percent(diskGbUsed, diskGb);
    }

    private static int percent(long used, long total) {
        return total <= 0 ? 0 : (int) Math.min(100, Math.round(used * 100.0 / total));
    }
}
