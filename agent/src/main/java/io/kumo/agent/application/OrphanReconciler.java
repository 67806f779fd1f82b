package io.kumo.agent.application;

import io.kumo.agent.domain.ServedHost;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guests no instance record accounts for (Nova's {@code running_deleted_instance_action}): each round asks
 * every host's driver for its orphans, reports each once in the log and, when {@code remove} is set
 * ({@code agent.remove-orphans}), removes them — a VM or container whose delete was cut short by an agent
 * crash would otherwise run on, holding memory, disk and its IP's traffic, with no server to show for it.
 */
public final class OrphanReconciler {

    private static final Logger log = LoggerFactory.getLogger(OrphanReconciler.class);

    private final ServedHosts hosts;
    private final boolean remove;
    private final Set<String> reported = new HashSet<>();

    public OrphanReconciler(ServedHosts hosts, boolean remove) {
        this.hosts = hosts;
        this.remove = remove;
    }

    /** One round; returns the orphans found (removed too when so configured). */
    public synchronized List<String> reconcileOnce() {
        Set<String> seen = new HashSet<>();
        List<String> found = new java.util.ArrayList<>();
        for (ServedHost host : hosts.all()) {
            List<String> orphans;
            try {
                orphans = host.driver().orphans();
            } catch (RuntimeException e) {
                log.warn("Orphans of host {} could not be listed: {}", host.name(), e.getMessage());
                continue;
            }
            for (String uuid : orphans) {
                String key = host.name() + "/" + uuid;
                seen.add(key);
                found.add(uuid);
                if (remove) {
                    host.driver().removeOrphan(uuid);
                } else if (reported.add(key)) {
                    log.warn("Host {} runs {}, which no instance record accounts for (an orphan; set"
                            + " agent.remove-orphans to remove such guests)", host.name(), uuid);
                }
            }
        }
        reported.retainAll(seen);
        return found;
    }
}
