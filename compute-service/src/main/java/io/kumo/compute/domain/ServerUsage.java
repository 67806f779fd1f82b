package io.kumo.compute.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What one server used within a reporting period, as {@code os-simple-tenant-usage} counts it: the hours
 * it ran inside the period, with its flavor's size.
 *
 * @param endedAt when it was deleted, or null while it exists
 */
public record ServerUsage(Server server, Instant startedAt, Instant endedAt, double hours, long uptimeSeconds) {

    /** The server's share of [start, end), measured at {@code now}. */
    public static ServerUsage within(Server server, Instant start, Instant end, Instant now) {
        Instant from = server.launchedAt().isAfter(start) ? server.launchedAt() : start;
        Instant stopped = server.terminatedAt() == null ? end : server.terminatedAt();
        Instant to = stopped.isBefore(end) ? stopped : end;
        double hours = to.isAfter(from) ? Duration.between(from, to).toMillis() / 3_600_000.0 : 0;
        Instant upUntil = server.terminatedAt() == null ? now : server.terminatedAt();
        return new ServerUsage(server, server.launchedAt(), server.terminatedAt(), hours,
                Math.max(0, Duration.between(server.launchedAt(), upUntil).toSeconds()));
    }

    public long localGb() {
        return server.flavor().rootGb() + server.flavor().ephemeralGb();
    }

    /** Nova's state word: the vm_state, or "terminated" once deleted. */
    public String state() {
        return server.vmState() == VmState.DELETED ? "terminated" : server.vmState().wire();
    }
}
