package io.kumo.scheduler.domain.weigher;

import io.kumo.common.contract.scheduler.ServerGroupSpec;
import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingRequest;

/** Soft anti-affinity: prefers hosts running fewer of the group's servers. */
public final class ServerGroupSoftAntiAffinityWeigher implements HostWeigher {


    @Override
    public boolean appliesTo(SchedulingRequest request) {
        return ServerGroupSpec.SOFT_ANTI_AFFINITY.equals(request.groupPolicy());
    }

    @Override
    public double raw(HostState host, SchedulingRequest request) {
        return ServerGroupSpec.SOFT_ANTI_AFFINITY.equals(request.groupPolicy()) ? -request.groupMembersOn(host.host())
                : 0;
    }
}
