package io.kumo.scheduler.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * What filters know beyond the host and the request: the time, when a host counts as down, aggregate
 * metadata.
 *
 * @param upCutoff hosts last heard from before this are down
 */
public record SchedulingContext(Instant now, Duration hostDownAfter,
        Function<String, Map<String, String>> aggregateMetadata, Instant upCutoff) {

    public SchedulingContext(Instant now, Duration hostDownAfter, Function<String, Map<String, String>> aggregateMetadata) {
        this(now, hostDownAfter, aggregateMetadata, now.minus(hostDownAfter));
    }
}
