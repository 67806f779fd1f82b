package io.kumo.scheduler.application;

import io.kumo.common.contract.scheduler.ScheduleServer;
import io.kumo.common.contract.scheduler.ServerGroupSpec;
import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.ResourceRequest;
import io.kumo.scheduler.domain.SchedulingContext;
import io.kumo.scheduler.domain.SchedulingRequest;
import io.kumo.scheduler.domain.Uuids;
import io.kumo.scheduler.domain.filter.ServerGroupAffinityFilter;
import io.kumo.scheduler.domain.filter.ServerGroupAntiAffinityFilter;
import io.kumo.scheduler.persistence.AllocationRecords;
import io.kumo.scheduler.persistence.GroupLocks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link ScheduleServer} into what filters need: the hosts that the group's members and the
 * hinted servers are on, looked up in placement (a server's host is where its allocation is).
 */
@Component
public class SchedulingRequests {

    private static final Set<String> POLICIES = Set.of(ServerGroupSpec.AFFINITY, ServerGroupSpec.ANTI_AFFINITY,
            ServerGroupSpec.SOFT_AFFINITY, ServerGroupSpec.SOFT_ANTI_AFFINITY);

    private static final ServerGroupAffinityFilter AFFINITY = new ServerGroupAffinityFilter();
    private static final ServerGroupAntiAffinityFilter ANTI_AFFINITY = new ServerGroupAntiAffinityFilter();

    private final AllocationRecords allocations;
    private final HostStateCache cache;
    private final GroupLocks groupLocks;

    SchedulingRequests(AllocationRecords allocations, HostStateCache cache, GroupLocks groupLocks) {
        this.allocations = allocations;
        this.cache = cache;
        this.groupLocks = groupLocks;
    }

    /** @return what is wrong with the request, or null */
    public static String invalid(ScheduleServer message) {
        if (!Uuids.isValid(message.instanceUuid())) {
            return "instance_uuid " + message.instanceUuid() + " is not a UUID";
        }
        if (message.resources().isEmpty()) {
            return "no resources requested";
        }
        for (Map.Entry<String, Integer> entry : message.resources().entrySet()) {
            if (entry.getValue() == null || entry.getValue() <= 0) {
                return "amount of " + entry.getKey() + " must be positive";
            }
        }
        if (message.group() != null && (!POLICIES.contains(message.group().policy())
                || !Uuids.isValid(message.group().uuid()))) {
            return "server group needs a UUID and one of the policies " + POLICIES;
        }
        if (message.projectId() == null || message.userId() == null) {
            return "project_id and user_id are required";
        }
        return null;
    }

    public SchedulingRequest resolve(ScheduleServer message) {
        List<Set<String>> memberOf = message.memberOf().isEmpty() ? List.of() : List.of(Set.copyOf(message.memberOf()));
        ResourceRequest resources = new ResourceRequest(message.resources(), Set.copyOf(message.requiredTraits()),
                Set.copyOf(message.forbiddenTraits()), memberOf);
        Set<String> wanted = new HashSet<>(message.sameHost());
        wanted.addAll(message.differentHost());
        List<String> members = message.group() == null ? List.of() : message.group().members().stream()
                .filter(m -> !m.equals(message.instanceUuid())).toList();
        wanted.addAll(members);
        Map<String, String> hostOf = hostsOf(wanted);
        Map<String, Integer> membersByHost = new HashMap<>();
        members.stream().map(hostOf::get).filter(h -> h != null).forEach(h -> membersByHost.merge(h, 1, Integer::sum));
        Set<String> sameHost = message.sameHost().isEmpty() ? null : hostsIn(message.sameHost(), hostOf);
        return new SchedulingRequest(message.instanceUuid(), resources, message.availabilityZone(),
                message.hypervisorType(), message.flavorExtraSpecs(),
                message.group() == null ? null : message.group().policy(), membersByHost, sameHost,
                hostsIn(message.differentHost(), hostOf), new LinkedHashSet<>(message.ignoreHosts()));
    }

    /** Hard policies serialise their members' claims (see {@link GroupLocks}). */
    public boolean lockHardGroup(ScheduleServer message) {
        if (message.group() == null || !(ServerGroupSpec.AFFINITY.equals(message.group().policy())
                || ServerGroupSpec.ANTI_AFFINITY.equals(message.group().policy()))) {
            return false;
        }
        groupLocks.lock(message.group().uuid());
        return true;
    }

    /** The hard group policy checked again under the group's lock, with every earlier member placed. */
    public String groupConflict(HostState host, SchedulingRequest request, SchedulingContext context) {
        String affinity = AFFINITY.reject(host, request, context);
        return affinity != null ? affinity : ANTI_AFFINITY.reject(host, request, context);
    }

    private Map<String, String> hostsOf(Collection<String> consumers) {
        Map<String, String> hosts = new HashMap<>();
        allocations.providersOf(consumers).forEach((consumer, provider) -> {
            String host = cache.hostOfProvider(provider);
            if (host != null) {
                hosts.put(consumer, host);
            }
        });
        return hosts;
    }

    private static Set<String> hostsIn(List<String> consumers, Map<String, String> hostOf) {
        Set<String> hosts = new HashSet<>();
        for (String consumer : new ArrayList<>(consumers)) {
            String host = hostOf.get(consumer);
            if (host != null) {
                hosts.add(host);
            }
        }
        return hosts;
    }
}
