package io.kumo.scheduler.domain.filter;

import io.kumo.common.contract.scheduler.ServerGroupSpec;
import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingContext;
import io.kumo.scheduler.domain.SchedulingRequest;

/** Hard anti-affinity: no two members of the group on one host. */
public final class ServerGroupAntiAffinityFilter implements HostFilter {

    @Override
    public boolean appliesTo(SchedulingRequest request) {
        return ServerGroupSpec.ANTI_AFFINITY.equals(request.groupPolicy());
    }

    @Override
    public String reject(HostState host, SchedulingRequest request, SchedulingContext context) {
        if (!ServerGroupSpec.ANTI_AFFINITY.equals(request.groupPolicy())) {
            return null;
        }
        int members = request.groupMembersOn(host.host());
        return members == 0 ? null : "runs " + members + " server(s) of the anti-affinity group";
    }
}
