package io.kumo.scheduler.domain.filter;

import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingContext;
import io.kumo.scheduler.domain.SchedulingRequest;

/**
 * One rule a host must pass to be chosen, as Nova's filters: small, stateless, enabled by name in
 * {@code scheduler.filters}. Runs after placement found hosts with the resources and traits.
 */
public interface HostFilter {

    /** The name operators enable it by and decisions name it by: the class name, as in Nova. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Whether the request asks anything of this filter; a filter that does not apply passes every host unseen. */
    default boolean appliesTo(SchedulingRequest request) {
        return true;
    }

    /** @return why the host is rejected, or null if it passes */
    String reject(HostState host, SchedulingRequest request, SchedulingContext context);
}
