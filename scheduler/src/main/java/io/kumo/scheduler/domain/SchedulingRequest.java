package io.kumo.scheduler.domain;

import java.util.Map;
import java.util.Set;

/**
 * One server to place, with what filters need already resolved: the hosts its group's members, its
 * same_host and different_host servers are on.
 *
 * @param groupPolicy        affinity, anti-affinity, soft-affinity, soft-anti-affinity, or null
 * @param groupMembersByHost how many of the group's other servers each host runs
 * @param sameHost           hosts of the servers named in the same_host hint, or null without the hint
 * @param differentHost      hosts of the servers named in the different_host hint
 * @param ignoreHosts        hosts already tried for this server
 */
public record SchedulingRequest(String instanceUuid, ResourceRequest resources, String availabilityZone,
        String hypervisorType, Map<String, String> flavorExtraSpecs, String groupPolicy,
        Map<String, Integer> groupMembersByHost, Set<String> sameHost, Set<String> differentHost,
        Set<String> ignoreHosts) {

    public SchedulingRequest {
        flavorExtraSpecs = flavorExtraSpecs == null ? Map.of() : Map.copyOf(flavorExtraSpecs);
        groupMembersByHost = groupMembersByHost == null ? Map.of() : Map.copyOf(groupMembersByHost);
        sameHost = sameHost == null ? null : Set.copyOf(sameHost);
        differentHost = differentHost == null ? Set.of() : Set.copyOf(differentHost);
        ignoreHosts = ignoreHosts == null ? Set.of() : Set.copyOf(ignoreHosts);
    }

    public int groupMembersOn(String host) {
        return groupMembersByHost.getOrDefault(host, 0);
    }
}
