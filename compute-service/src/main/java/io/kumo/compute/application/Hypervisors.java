package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.compute.client.SchedulerHosts;
import io.kumo.compute.domain.ComputeHost;
import io.kumo.compute.persistence.ComputeHostIds;
import io.kumo.compute.persistence.ServerRecords;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * os-hypervisors (admin): each compute host with its capacity and use as placement has them. One
 * call to the scheduler reads every host's inventories and allocations in one snapshot.
 */
@Service
public class Hypervisors {

    private final SchedulerHosts hosts;
    private final ComputeHostIds ids;
    private final ServerRecords servers;

    Hypervisors(SchedulerHosts hosts, ComputeHostIds ids, ServerRecords servers) {
        this.hosts = hosts;
        this.ids = ids;
        this.servers = servers;
    }

    /** A host with its stable integer id (the same as its nova-compute service's). */
    public record Hypervisor(int id, ComputeHost host) {
    }

    @Transactional
    public List<Hypervisor> list(Caller caller) {
        Policy.requireAdmin(caller, "os_compute_api:os-hypervisors:list");
        Map<String, Integer> known = ids.all();
        return hosts.list(true).stream().map(h -> new Hypervisor(known.computeIfAbsent(h.name(), ids::idOf), h))
                .sorted(Comparator.comparingInt(Hypervisor::id)).toList();
    }

    @Transactional
    public Hypervisor get(Caller caller, String id) {
        Policy.requireAdmin(caller, "os_compute_api:os-hypervisors:show");
        return list(caller).stream().filter(h -> String.valueOf(h.id()).equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Hypervisor with ID '" + id + "' could not be found."));
    }

    /** Hosts whose name contains {@code pattern}, as Nova's search; none is a 404. */
    @Transactional
    public List<Hypervisor> search(Caller caller, String pattern) {
        Policy.requireAdmin(caller, "os_compute_api:os-hypervisors:search");
        return matching(caller, pattern);
    }

    /** A matching host and the ids of the servers on it (not deleted). */
    public record HypervisorServers(Hypervisor hypervisor, List<String> serverIds) {
    }

    /** Hosts whose name contains {@code pattern}, each with its servers; none is a 404. */
    @Transactional
    public List<HypervisorServers> servers(Caller caller, String pattern) {
        Policy.requireAdmin(caller, "os_compute_api:os-hypervisors:servers");
        List<Hypervisor> found = matching(caller, pattern);
        Map<String, List<String>> byHost = servers.onHosts(found.stream().map(h -> h.host().name()).toList())
                .stream().collect(Collectors.groupingBy(ServerRecords.HostedServer::host,
                        Collectors.mapping(ServerRecords.HostedServer::id, Collectors.toList())));
        return found.stream().map(h -> new HypervisorServers(h, byHost.getOrDefault(h.host().name(), List.of())))
                .toList();
    }

    private List<Hypervisor> matching(Caller caller, String pattern) {
        List<Hypervisor> found = list(caller).stream().filter(h -> h.host().name().contains(pattern)).toList();
        if (found.isEmpty()) {
            throw ApiException.notFound("No hypervisor matching '" + pattern + "' could be found.");
        }
        return found;
    }
}
