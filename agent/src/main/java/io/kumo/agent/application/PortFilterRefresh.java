package io.kumo.agent.application;

import io.kumo.agent.domain.ServedHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the firewalls of every port on the hosts this process serves again, from the security groups as
 * network-service has them now (Neutron's {@code security_groups_rule_updated}/{@code member_updated}).
 * Concurrent requests during one refresh fold into one more refresh after it.
 */
public final class PortFilterRefresh {

    private static final Logger log = LoggerFactory.getLogger(PortFilterRefresh.class);

    private final ServedHosts hosts;
    private final Object running = new Object();
    private volatile boolean again;

    public PortFilterRefresh(ServedHosts hosts) {
        this.hosts = hosts;
    }

    public void refresh() {
        again = true;
        synchronized (running) {
            while (again) {
                again = false;
                for (ServedHost host : hosts.all()) {
                    try {
                        host.driver().refreshPortFilters();
                    } catch (RuntimeException e) {
                        log.warn("The firewalls of host {} could not be rendered again: {}", host.name(),
                                e.getMessage());
                    }
                }
            }
        }
    }
}
