package io.kumo.agent.application;

import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.FirewallChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders again, from the security groups as network-service has them now, the firewalls of the ports a
 * change touches on the hosts this process serves (Neutron's {@code security_groups_rule_updated} and
 * {@code security_groups_member_updated}): the ports in a group whose rules changed or that name it as remote
 * group, and the ports whose remote groups gained, lost or changed a member on their network.
 */
public final class PortFilterRefresh {

    private static final Logger log = LoggerFactory.getLogger(PortFilterRefresh.class);

    private final ServedHosts hosts;

    public PortFilterRefresh(ServedHosts hosts) {
        this.hosts = hosts;
    }

    /** A security group's rules changed. */
    public void rulesChanged(String securityGroupId) {
        refresh(FirewallChange.rulesOf(securityGroupId));
    }

    /** A port of the network in these groups was made, changed or deleted. */
    public void portChanged(String networkId, java.util.List<String> securityGroupIds) {
        refresh(FirewallChange.portOf(networkId, securityGroupIds));
    }

    private void refresh(FirewallChange change) {
        for (ServedHost host : hosts.all()) {
            try {
                host.driver().refreshPortFilters(change);
            } catch (RuntimeException e) {
                log.warn("The firewalls of host {} could not be rendered again after {}: {}", host.name(), change,
                        e.getMessage());
            }
        }
    }
}
