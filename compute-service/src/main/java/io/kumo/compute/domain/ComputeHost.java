package io.kumo.compute.domain;

import java.time.Instant;

/**
 * A compute host as the scheduler reports it: what os-services shows as a {@code nova-compute}
 * service and os-hypervisors as a hypervisor.
 */
public record ComputeHost(String name, String providerUuid, String availabilityZone, String driver, boolean disabled,
        String disabledReason, boolean up, boolean forcedDown, Instant lastHeartbeat) {
}
