package io.kumo.scheduler.domain.weigher;

import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingRequest;

/**
 * Hosts whose recent builds failed go to the back of the line (Nova's multiplier: large, so that one
 * failing host does not eat every build), until a successful build resets the count.
 */
public final class BuildFailureWeigher implements HostWeigher {


    @Override
    public double raw(HostState host, SchedulingRequest request) {
        return host.buildFailures();
    }
}
