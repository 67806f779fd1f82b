package io.kumo.agent.driver.fake;

import io.kumo.agent.driver.HypervisorType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a fake host looks and behaves: its inventory and allocation ratios (reserved is always 0: nothing
 * runs beside the fake guests), the hypervisor types it claims, how long a spawn takes, and which server
 * names fail to build (failure injection for tests of rescheduling).
 *
 * @param failBuildNames a regular expression matched against the whole server name; empty never fails
 */
public record FakeDriverSettings(int vcpus, int memoryMb, int diskGb, double cpuAllocationRatio,
        double ramAllocationRatio, double diskAllocationRatio, List<HypervisorType> hypervisorTypes,
        Duration spawnDelay, Optional<Pattern> failBuildNames) {

    public FakeDriverSettings {
        hypervisorTypes = List.copyOf(hypervisorTypes);
        spawnDelay = spawnDelay == null ? Duration.ZERO : spawnDelay;
        failBuildNames = failBuildNames == null ? Optional.empty() : failBuildNames;
    }

    /** A 16-vCPU, 64 GiB, 1 TB host running qemu and containers, spawning at once, never failing. */
    public static FakeDriverSettings defaults() {
        return new FakeDriverSettings(16, 65536, 1000, 16.0, 1.5, 1.0,
                List.of(HypervisorType.QEMU, HypervisorType.CONTAINER), Duration.ZERO, Optional.empty());
    }

    public FakeDriverSettings withFailBuildNames(String regex) {
        return new FakeDriverSettings(vcpus, memoryMb, diskGb, cpuAllocationRatio, ramAllocationRatio,
                diskAllocationRatio, hypervisorTypes, spawnDelay, Optional.of(Pattern.compile(regex)));
    }

    public FakeDriverSettings withSpawnDelay(Duration delay) {
        return new FakeDriverSettings(vcpus, memoryMb, diskGb, cpuAllocationRatio, ramAllocationRatio,
                diskAllocationRatio, hypervisorTypes, delay, failBuildNames);
    }

    boolean failsBuildOf(String serverName) {
        return failBuildNames.map(p -> p.matcher(serverName == null ? "" : serverName).matches()).orElse(false);
    }
}
