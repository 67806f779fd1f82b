package io.kumo.scheduler.domain.filter;

import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingContext;
import io.kumo.scheduler.domain.SchedulingRequest;

/** A server that asks for a zone only lands on hosts in it. */
public final class AvailabilityZoneFilter implements HostFilter {

    @Override
    public boolean appliesTo(SchedulingRequest request) {
        return request.availabilityZone() != null && !request.availabilityZone().isBlank();
    }

    @Override
    public String reject(HostState host, SchedulingRequest request, SchedulingContext context) {
        String wanted = request.availabilityZone();
        if (wanted == null || wanted.isBlank() || wanted.equals(host.availabilityZone())) {
            return null;
        }
        return "in zone " + host.availabilityZone() + ", not " + wanted;
    }
}
