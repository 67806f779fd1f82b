package io.kumo.scheduler.domain.filter;

import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingContext;
import io.kumo.scheduler.domain.SchedulingRequest;

/** Scheduler hint {@code same_host}: only hosts running one of the named servers. */
public final class SameHostFilter implements HostFilter {

    @Override
    public boolean appliesTo(SchedulingRequest request) {
        return request.sameHost() != null;
    }

    @Override
    public String reject(HostState host, SchedulingRequest request, SchedulingContext context) {
        if (request.sameHost() == null || request.sameHost().contains(host.host())) {
            return null;
        }
        return "runs none of the same_host servers";
    }
}
