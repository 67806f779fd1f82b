package io.kumo.agent.config;

import io.kumo.agent.driver.HypervisorDriverFactory;
import io.kumo.agent.driver.HypervisorType;
import io.kumo.agent.driver.fake.FakeDriver;
import io.kumo.agent.driver.fake.FakeDriverFactory;
import io.kumo.agent.driver.fake.FakeDriverSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The drivers an agent can run, by the id operators put in {@code agent.driver}. A driver's own settings
 * are only read (and checked) when it is the one chosen. An unset or unknown id fails start-up with the
 * list of known ones, as Nova does for an unknown {@code compute_driver}.
 */
final class DriverFactories {

    private static final Map<String, Function<AgentProperties, HypervisorDriverFactory>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put(FakeDriver.NAME, properties -> new FakeDriverFactory(fakeSettings(properties)));
    }

    private DriverFactories() {
    }

    static HypervisorDriverFactory select(AgentProperties properties) {
        String id = properties.driver() == null ? "" : properties.driver().trim();
        if (id.isEmpty()) {
            throw new IllegalStateException("agent.driver is not set: choose this host's hypervisor driver (known: "
                    + String.join(", ", KNOWN.keySet()) + "; fake is for tests and simulations only)");
        }
        Function<AgentProperties, HypervisorDriverFactory> factory = KNOWN.get(id);
        if (factory == null) {
            throw new IllegalStateException("Unknown hypervisor driver '" + id + "' in agent.driver; known: "
                    + String.join(", ", KNOWN.keySet()));
        }
        return factory.apply(properties);
    }

    static FakeDriverSettings fakeSettings(AgentProperties properties) {
        AgentProperties.Fake fake = properties.fake();
        return new FakeDriverSettings(fake.vcpus(), fake.memoryMb(), fake.diskGb(), properties.cpuAllocationRatio(),
                properties.ramAllocationRatio(), properties.diskAllocationRatio(),
                hypervisorTypes(fake.hypervisorTypes()), fake.spawnDelay(), failPattern(fake.failBuildNames()));
    }

    private static List<HypervisorType> hypervisorTypes(List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalStateException("agent.fake.hypervisor-types is empty: a host must run at least one of "
                    + "qemu, kvm, container");
        }
        try {
            return ids.stream().map(HypervisorType::fromId).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("agent.fake.hypervisor-types: " + e.getMessage(), e);
        }
    }

    private static Optional<Pattern> failPattern(String regex) {
        if (regex == null || regex.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("agent.fake.fail-build-names is not a regular expression: "
                    + e.getMessage(), e);
        }
    }
}
