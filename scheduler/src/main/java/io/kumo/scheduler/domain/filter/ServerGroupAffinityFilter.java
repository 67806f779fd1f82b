package io.kumo.scheduler.domain.filter;

import io.kumo.common.contract.scheduler.ServerGroupSpec;
import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingContext;
import io.kumo.scheduler.domain.SchedulingRequest;

/** Hard affinity: once a group member is placed, every other member goes to the same host. */
public final class ServerGroupAffinityFilter implements HostFilter {

    @Override
    public boolean appliesTo(SchedulingRequest request) {
        return ServerGroupSpec.AFFINITY.equals(request.groupPolicy());
    }

    @Override
    public String reject(HostState host, SchedulingRequest request, SchedulingContext context) {
        if (!ServerGroupSpec.AFFINITY.equals(request.groupPolicy()) || request.groupMembersByHost().isEmpty()) {
            return null;
        }
        return request.groupMembersOn(host.host()) > 0 ? null
                : "affinity group's servers are on " + String.join(", ", request.groupMembersByHost().keySet());
    }
}
