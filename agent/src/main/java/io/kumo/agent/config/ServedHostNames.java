package io.kumo.agent.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The names of the hosts one process serves, in one place: the Java side ({@link AgentProperties}) and the
 * command queue's routing keys ({@link AgentEnvironment}) must agree on them.
 */
final class ServedHostNames {

    private ServedHostNames() {
    }

    static List<String> of(String host, String driver, int fakeHosts) {
        if ("fake".equals(driver == null ? null : driver.trim()) && fakeHosts > 1) {
            return IntStream.rangeClosed(1, fakeHosts).mapToObj(i -> host + "-" + i).toList();
        }
        return List.of(host);
    }

    /**
     * The routing keys of the command queue: every served host, and {@code host} itself when it is a storage host
     * (volume-service addresses it by that name, which N fake hypervisor hosts do not carry), each once.
     */
    static List<String> routingKeys(String host, String driver, int fakeHosts, boolean storageHost) {
        Set<String> keys = new LinkedHashSet<>(of(host, driver, fakeHosts));
        if (storageHost) {
            keys.add(host);
        }
        return List.copyOf(keys);
    }
}
