package io.kumo.scheduler.domain.weigher;

import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingRequest;

/**
 * Ranks the hosts that passed every filter, as Nova's weighers: each weigher's raw values are
 * normalised to 0..1 across the candidates, multiplied by its configured multiplier and summed. A
 * positive multiplier on free RAM spreads servers; a negative one packs them.
 */
public interface HostWeigher {

    default String name() {
        return getClass().getSimpleName();
    }


    /** Whether it can tell hosts apart for this request at all (a group weigher without a group cannot). */
    default boolean appliesTo(SchedulingRequest request) {
        return true;
    }

    double raw(HostState host, SchedulingRequest request);
}
