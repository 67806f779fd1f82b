package io.kumo.agent.network;

import io.kumo.agent.driver.FirewallChange;
import java.util.List;
import java.util.Set;

/**
 * What a port's firewall enforces (Neutron's security groups and port security, resolved for one port):
 * anti-spoofing of its MAC and addresses on the way out of the guest, and on the way in only what an
 * ingress rule allows, besides the answers to the guest's own connections. Egress is not filtered beyond
 * anti-spoofing (the default security group allows all egress).
 *
 * @param tap          the port's host-side device on the bridge
 * @param portSecurity false: no filtering at all (Neutron's {@code port_security_enabled: false})
 * @param groups       the port's security groups; {@code remoteGroups} those its rules name as remote group
 * @param addresses    the port's fixed IPs (the only source addresses the guest may use)
 */
public record PortFilter(String portId, String networkId, String tap, String macAddress, List<String> addresses,
        boolean portSecurity, Set<String> groups, Set<String> remoteGroups, List<Rule> ingress) {

    public PortFilter {
        addresses = List.copyOf(addresses);
        groups = Set.copyOf(groups);
        remoteGroups = Set.copyOf(remoteGroups);
        ingress = List.copyOf(ingress);
    }

    /** A port without security: nothing filtered (also what a host without network-service applies). */
    public static PortFilter open(String portId, String networkId, String tap, String macAddress,
            List<String> addresses) {
        return new PortFilter(portId, networkId, tap, macAddress, addresses, false, Set.of(), Set.of(), List.of());
    }

    /**
     * Whether the change touches this filter: its own group's or a remote group's rules changed, or a port of
     * its network in a group that one of its rules names as remote group joined, left or changed.
     */
    public boolean touchedBy(FirewallChange change) {
        if (change.rulesOfGroup() != null) {
            return groups.contains(change.rulesOfGroup()) || remoteGroups.contains(change.rulesOfGroup());
        }
        return networkId != null && networkId.equals(change.portNetwork())
                && change.portGroups().stream().anyMatch(remoteGroups::contains);
    }

    /**
     * One ingress rule, remote group resolved to addresses.
     *
     * @param ethertype  IPv4 or IPv6
     * @param protocol   tcp, udp, icmp, ipv6-icmp, a protocol number, or null for any
     * @param portMin    first destination port (tcp/udp) or ICMP type; null for any
     * @param portMax    last destination port or ICMP code; null for any
     * @param remotes    source prefixes or addresses; empty with {@code anySource}: from anywhere
     * @param anySource  the rule names no remote prefix and no remote group
     */
    public record Rule(String ethertype, String protocol, Integer portMin, Integer portMax, List<String> remotes,
            boolean anySource) {

        public Rule {
            remotes = List.copyOf(remotes);
        }
    }
}
