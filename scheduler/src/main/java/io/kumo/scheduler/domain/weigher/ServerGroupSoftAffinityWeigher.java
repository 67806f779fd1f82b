package io.kumo.scheduler.domain.weigher;

import io.kumo.common.contract.scheduler.ServerGroupSpec;
import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingRequest;

/** Soft affinity: prefers hosts already running more of the group's servers. */
public final class ServerGroupSoftAffinityWeigher implements HostWeigher {


    @Override
    public boolean appliesTo(SchedulingRequest request) {
        return ServerGroupSpec.SOFT_AFFINITY.equals(request.groupPolicy());
    }

    @Override
    public double raw(HostState host, SchedulingRequest request) {
        return ServerGroupSpec.SOFT_AFFINITY.equals(request.groupPolicy()) ? request.groupMembersOn(host.host()) : 0;
    }
}
