package io.kumo.compute.application;

import io.kumo.common.contract.scheduler.ScheduleServer;
import io.kumo.common.contract.scheduler.ServerGroupSpec;
import io.kumo.compute.domain.Flavor;
import io.kumo.compute.domain.Server;
import io.kumo.compute.persistence.SchedulerHintRecords;
import io.kumo.compute.persistence.ServerGroupRecords;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The ScheduleServer request for a server's (first or next) attempt: its flavor's needs, its group and
 * its same_host / different_host hints, so a reschedule keeps every constraint the create asked for.
 */
@Component
public class ScheduleRequests {

    private final ServerGroupRecords groups;
    private final SchedulerHintRecords hints;

    ScheduleRequests(ServerGroupRecords groups, SchedulerHintRecords hints) {
        this.groups = groups;
        this.hints = hints;
    }

    /** Call inside the transaction that stores the server's state, so its group membership is seen. */
    ScheduleServer of(Server server, List<String> ignoreHosts) {
        Flavor f = server.flavor();
        Map<String, Integer> resources = f.rootGb() + f.ephemeralGb() > 0
                ? Map.of("VCPU", f.vcpus(), "MEMORY_MB", f.ramMb(), "DISK_GB", f.rootGb() + f.ephemeralGb())
                : Map.of("VCPU", f.vcpus(), "MEMORY_MB", f.ramMb());
        ServerGroupSpec group = groups.groupOf(server.id())
                .map(g -> new ServerGroupSpec(g.id(), g.policy(), g.members())).orElse(null);
        SchedulerHintRecords.Hints hints = this.hints.of(server.id());
        return new ScheduleServer(server.id(), server.projectId(), server.userId(), resources, List.of(), List.of(),
                List.of(), server.requestedZone(), server.hypervisorType(), f.extraSpecs(), group,
                hints.sameHost(), hints.differentHost(), ignoreHosts, server.buildAttempt(), server.requestId());
    }
}
