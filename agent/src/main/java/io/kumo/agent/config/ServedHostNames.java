package io.kumo.agent.config;

import java.util.List;
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
}
