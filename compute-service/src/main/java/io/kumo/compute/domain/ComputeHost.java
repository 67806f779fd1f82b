package io.kumo.compute.domain;

import java.time.Instant;

/**
 * A compute host as the scheduler reports it: what os-services shows as a {@code nova-compute}
 * service and os-hypervisors as a hypervisor.
 *
 * @param facts     what the host's agent reported of it (address, hypervisor, CPU); empty when unknown
 * @param resources its capacity and use, when asked for (null otherwise)
 */
public record ComputeHost(String name, String providerUuid, String availabilityZone, String driver, boolean disabled,
        String disabledReason, boolean up, boolean forcedDown, Instant lastHeartbeat, Facts facts,
        HostResources resources) {

    public record Facts(String hostIp, String hypervisorType, long hypervisorVersion, String cpuInfo) {
    }
}
