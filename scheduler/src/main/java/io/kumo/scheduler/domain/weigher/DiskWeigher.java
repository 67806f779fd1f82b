package io.kumo.scheduler.domain.weigher;

import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.ResourceClasses;
import io.kumo.scheduler.domain.SchedulingRequest;

/** Free local disk: spreads by default. */
public final class DiskWeigher implements HostWeigher {


    @Override
    public double raw(HostState host, SchedulingRequest request) {
        return host.provider().free(ResourceClasses.DISK_GB);
    }
}
