package io.kumo.agent.application;

import io.kumo.agent.domain.ServedHost;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The hosts this process serves, by name, in the order they were configured. Fixed for the process's life. */
public final class ServedHosts {

    private final Map<String, ServedHost> byName;

    public ServedHosts(List<ServedHost> hosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("an agent serves at least one host");
        }
        Map<String, ServedHost> map = new LinkedHashMap<>();
        for (ServedHost host : hosts) {
            if (map.put(host.name(), host) != null) {
                throw new IllegalArgumentException("host " + host.name() + " is configured twice");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    public Optional<ServedHost> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** The agent stops: every driver lets go of what it holds on the host for itself (not its guests). */
    public void close() {
        all().forEach(host -> host.driver().close());
    }

    public Collection<ServedHost> all() {
        return byName.values();
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
