package io.kumo.agent.driver;

import java.util.List;

/**
 * A change in network-service that may touch ports' firewalls: a security group's rules, or a port of a
 * network (joining, leaving or changing its groups) whose groups other ports' rules may name as remote group.
 *
 * @param rulesOfGroup the group whose rules changed; null for a port change
 * @param portNetwork  the changed port's network; null for a rules change
 * @param portGroups   the changed port's security groups
 */
public record FirewallChange(String rulesOfGroup, String portNetwork, List<String> portGroups) {

    public FirewallChange {
        portGroups = portGroups == null ? List.of() : List.copyOf(portGroups);
    }

    public static FirewallChange rulesOf(String group) {
        return new FirewallChange(group, null, List.of());
    }

    public static FirewallChange portOf(String network, List<String> groups) {
        return new FirewallChange(null, network, groups);
    }
}
