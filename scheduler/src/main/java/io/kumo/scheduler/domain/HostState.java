package io.kumo.scheduler.domain;

import java.time.Instant;

/**
 * A host as the scheduler keeps it in memory: what its agent announced, what operators set, when it
 * was last heard from, and its resource provider.
 */
public record HostState(String host, String availabilityZone, String driver, boolean disabled, String disabledReason,
        boolean forcedDown, Instant lastHeartbeat, int buildFailures, ProviderState provider) {

    /** Up: not forced down and heard from at or after {@code cutoff}. */
    public boolean isUpSince(Instant cutoff) {
        return isUp(forcedDown, lastHeartbeat, cutoff);
    }

    /** The liveness rule, for callers that have the facts but no host state. */
    public static boolean isUp(boolean forcedDown, Instant lastHeartbeat, Instant cutoff) {
        return !forcedDown && lastHeartbeat != null && !lastHeartbeat.isBefore(cutoff);
    }

    public HostState withProvider(ProviderState state) {
        return new HostState(host, availabilityZone, driver, disabled, disabledReason, forcedDown, lastHeartbeat,
                buildFailures, state);
    }

    public HostState withHeartbeat(Instant at) {
        if (lastHeartbeat != null && !at.isAfter(lastHeartbeat)) {
            return this;
        }
        return new HostState(host, availabilityZone, driver, disabled, disabledReason, forcedDown, at, buildFailures,
                provider);
    }
}
