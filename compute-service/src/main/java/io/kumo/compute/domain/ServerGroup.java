package io.kumo.compute.domain;

import java.util.List;
import java.util.Set;

/**
 * A server group: its members are placed on one host (affinity) or on different hosts (anti-affinity).
 * At 2.1 only the hard policies exist (the soft ones came with 2.15).
 *
 * @param members the servers in the group that are not deleted
 */
public record ServerGroup(String id, String projectId, String userId, String name, String policy,
        List<String> members) {

    public static final Set<String> POLICIES = Set.of("affinity", "anti-affinity");

    public ServerGroup {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
