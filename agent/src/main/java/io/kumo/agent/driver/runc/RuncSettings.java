package io.kumo.agent.driver.runc;

import io.kumo.agent.network.HostNetworkSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code runc} driver's settings.
 *
 * @param stateDir         where instances (disk image, mounted rootfs, config drive, console log,
 *                         config.json), the image cache and runc's own state live
 * @param runcBinary       the OCI runtime to call
 * @param idRangeFirst     the first host uid/gid of the containers' ranges (above every host user)
 * @param idRangeCount     how many containers may exist at once (one 65,536-id range each)
 * @param defaultPidsLimit processes per container unless the flavor says {@code kumo:pids_limit}
 * @param defaultDiskGb    the root disk of a flavor without one ({@code disk} 0)
 * @param stopTimeout      how long a container has to stop on SIGTERM before it is killed
 * @param vcpus            CPUs offered to the scheduler; memoryMb, diskGb likewise
 * @param network          how the host's bridges reach the other hosts (and in which namespace they live)
 * @param imageCacheBytes  the image cache's bound (least recently used images above it are evicted)
 * @param storage          where containers' root filesystems live (btrfs snapshots or ext4 disk images)
 */
public record RuncSettings(Path stateDir, String runcBinary, long idRangeFirst, int idRangeCount,
        int defaultPidsLimit, int defaultDiskGb, Duration stopTimeout, int vcpus, int memoryMb, int diskGb,
        double cpuAllocationRatio, double ramAllocationRatio, double diskAllocationRatio,
        HostNetworkSettings network, long imageCacheBytes, StorageSettings storage) {

    /** Ids per container: a whole 16-bit range, as a Linux distribution's users expect. */
    public static final int IDS_PER_CONTAINER = 65536;
}
