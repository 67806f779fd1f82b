package io.kumo.agent.application;

import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.common.contract.host.InstancePowerChanged;
import io.kumo.common.contract.host.PowerState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nova's power-state sync, from the host's side: each round reads every instance's power state from its
 * driver and reports those that changed since the last round (all of them on the first round after a
 * start, as a guest may have stopped while the agent was down) as {@link InstancePowerChanged}. A report the
 * broker did not confirm is sent again on the next round. compute-service decides what a change means.
 */
public final class PowerStateSync {

    private static final Logger log = LoggerFactory.getLogger(PowerStateSync.class);

    private final ServedHosts hosts;
    private final HostEvents events;
    private final Clock clock;
    private final Map<String, PowerState> reported = new HashMap<>();

    public PowerStateSync(ServedHosts hosts, HostEvents events, Clock clock) {
        this.hosts = hosts;
        this.events = events;
        this.clock = clock;
    }

    /** One round; returns how many changes were reported (and confirmed). */
    public synchronized int syncOnce() {
        List<HostEvent> changes = new ArrayList<>();
        List<String> changedKeys = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (ServedHost host : hosts.all()) {
            List<InstanceInfo> instances;
            try {
                instances = host.driver().instances();
            } catch (RuntimeException e) {
                log.warn("Power states of host {} could not be read: {}", host.name(), e.getMessage());
                reported.keySet().stream().filter(k -> k.startsWith(host.name() + "/")).forEach(present::add);
                continue;
            }
            for (InstanceInfo instance : instances) {
                String key = host.name() + "/" + instance.uuid();
                present.add(key);
                if (reported.get(key) != instance.powerState()) {
                    changes.add(HostEvent.of(new InstancePowerChanged(instance.uuid(), host.name(),
                            instance.powerState(), clock.instant())));
                    changedKeys.add(key);
                    reported.put(key, instance.powerState());
                }
            }
        }
        reported.keySet().retainAll(present);
        if (changes.isEmpty()) {
            return 0;
        }
        if (!events.offer(changes)) {
            changedKeys.forEach(reported::remove); // not confirmed: the next round reports them again
            log.warn("{} power state report(s) not confirmed by the broker; resent next round", changes.size());
            return 0;
        }
        return changes.size();
    }
}
