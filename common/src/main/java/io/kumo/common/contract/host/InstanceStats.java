package io.kumo.common.contract.host;

import java.util.List;

/**
 * What an instance uses, as its driver reads it from the host (cgroups for containers, libvirt's domain
 * statistics for VMs). Counters are cumulative since the guest started; a figure the driver cannot know
 * for its kind of guest is null (a VM has no pids limit, a container no per-vCPU time).
 *
 * @param state            the guest's power state as the hypervisor reports it ({@code running}, {@code shutdown})
 * @param vcpus            the virtual CPUs it was given
 * @param cpuTimeNanos     CPU time used, all vCPUs together
 * @param vcpuTimesNanos   CPU time per vCPU (libvirt); empty when the hypervisor does not tell them apart
 * @param cpuThrottledNanos time the guest was held back by its CPU quota (containers)
 * @param memoryLimitBytes the memory it may use (flavor RAM)
 * @param memoryUsedBytes  the memory it uses now (a container's cgroup usage, a VM's resident set)
 * @param oomKills         processes the kernel killed at the memory limit (containers)
 * @param pids             processes and threads now (containers)
 * @param pidsLimit        processes and threads it may have (containers)
 * @param uptimeSeconds    seconds since the guest started; null when not known
 */
public record InstanceStats(String state, Integer vcpus, Long cpuTimeNanos, List<Long> vcpuTimesNanos,
        Long cpuThrottledNanos, Long memoryLimitBytes, Long memoryUsedBytes, Long oomKills, Long pids,
        Long pidsLimit, List<Disk> disks, List<Nic> nics, Long uptimeSeconds) {

    public static final String RUNNING = "running";

    public InstanceStats {
        vcpuTimesNanos = vcpuTimesNanos == null ? List.of() : List.copyOf(vcpuTimesNanos);
        disks = disks == null ? List.of() : List.copyOf(disks);
        nics = nics == null ? List.of() : List.copyOf(nics);
    }

    public boolean running() {
        return RUNNING.equals(state);
    }

    /** A disk's I/O as the guest issued it; {@code errors} is -1 when the hypervisor does not count them. */
    public record Disk(String device, long readBytes, long readRequests, long writeBytes, long writeRequests,
            long errors) {
    }

    /**
     * A NIC's traffic from the guest's side (rx = what the guest received), as libvirt reports it.
     *
     * @param device the host's end of it (the tap)
     */
    public record Nic(String device, String macAddress, long rxBytes, long rxPackets, long rxErrors, long rxDrops,
            long txBytes, long txPackets, long txErrors, long txDrops) {
    }
}
