package io.kumo.agent.network;

import java.util.List;
import java.util.Map;

/**
 * How a host's bridges reach the other hosts of their networks (ARCHITECTURE.md §5; Neutron's Linux
 * bridge agent options).
 *
 * @param namespace          the network namespace the host's bridges, uplinks and NICs' host ends live in;
 *                           null: the host's own (a namespace lets several agents on one machine be separate
 *                           hosts, as the tests do)
 * @param tunnelIp           the local VTEP address of {@code vxlan} networks ({@code local_ip})
 * @param tunnelInterface    the device VXLAN packets leave by (needed for the multicast group)
 * @param vxlanGroup         the multicast group VXLAN devices flood unknown destinations to ({@code vxlan_group})
 *                           unless peers are given
 * @param vxlanPort          the VXLAN UDP port (4789, IANA's)
 * @param physicalInterfaces physical network name → interface, for {@code flat} and {@code vlan} networks
 *                           ({@code physical_interface_mappings})
 * @param vxlanPeers         the other hosts' tunnel addresses: VXLAN devices flood unknown destinations to each
 *                           of them by unicast (head-end replication, for underlays without multicast) instead
 *                           of to the group; empty: the group
 */
public record HostNetworkSettings(String namespace, String tunnelIp, String tunnelInterface, String vxlanGroup,
        int vxlanPort, Map<String, String> physicalInterfaces, List<String> vxlanPeers) {

    public HostNetworkSettings {
        namespace = blankToNull(namespace);
        tunnelIp = blankToNull(tunnelIp);
        tunnelInterface = blankToNull(tunnelInterface);
        physicalInterfaces = physicalInterfaces == null ? Map.of() : Map.copyOf(physicalInterfaces);
        vxlanPeers = vxlanPeers == null ? List.of() : vxlanPeers.stream().map(String::trim)
                .filter(peer -> !peer.isEmpty()).toList();
    }

    /** Flooding to the multicast group (no peers given). */
    public HostNetworkSettings(String namespace, String tunnelIp, String tunnelInterface, String vxlanGroup,
            int vxlanPort, Map<String, String> physicalInterfaces) {
        this(namespace, tunnelIp, tunnelInterface, vxlanGroup, vxlanPort, physicalInterfaces, List.of());
    }

    /** The host's own namespace, no tunnels, no physical networks: {@code local} networks only. */
    public static HostNetworkSettings localOnly() {
        return new HostNetworkSettings(null, null, null, "239.1.1.1", 4789, Map.of());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
