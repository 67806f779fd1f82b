package io.kumo.common.contract.scheduler;

import java.util.List;

/**
 * A server group as the scheduler needs it.
 *
 * @param policy  affinity, anti-affinity, soft-affinity or soft-anti-affinity (Nova's names)
 * @param members the group's other servers (their hosts are looked up in placement)
 */
public record ServerGroupSpec(String uuid, String policy, List<String> members) {

    public static final String AFFINITY = "affinity";
    public static final String ANTI_AFFINITY = "anti-affinity";
    public static final String SOFT_AFFINITY = "soft-affinity";
    public static final String SOFT_ANTI_AFFINITY = "soft-anti-affinity";

    public ServerGroupSpec {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
