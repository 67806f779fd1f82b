package io.kumo.scheduler.domain.filter;

import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingContext;
import io.kumo.scheduler.domain.SchedulingRequest;

/** Scheduler hint {@code different_host}: never a host running one of the named servers. */
public final class DifferentHostFilter implements HostFilter {

    @Override
    public boolean appliesTo(SchedulingRequest request) {
        return !request.differentHost().isEmpty();
    }

    @Override
    public String reject(HostState host, SchedulingRequest request, SchedulingContext context) {
        return request.differentHost().contains(host.host()) ? "runs a different_host server" : null;
    }
}
