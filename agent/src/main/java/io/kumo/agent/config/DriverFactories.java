package io.kumo.agent.config;

import io.kumo.agent.driver.HypervisorDriverFactory;
import io.kumo.agent.driver.HypervisorType;
import io.kumo.agent.driver.ImageSource;
import io.kumo.agent.driver.fake.FakeDriver;
import io.kumo.agent.driver.libvirt.LibvirtDriver;
import io.kumo.agent.driver.libvirt.LibvirtDriverFactory;
import io.kumo.agent.driver.libvirt.LibvirtSettings;
import io.kumo.agent.driver.fake.FakeDriverFactory;
import io.kumo.agent.driver.fake.FakeDriverSettings;
import io.kumo.agent.driver.runc.RuncDriver;
import io.kumo.agent.driver.runc.RuncDriverFactory;
import io.kumo.agent.driver.runc.RuncSettings;
import io.kumo.agent.driver.runc.StorageSettings;
import io.kumo.agent.network.HostNetworkSettings;
import io.kumo.agent.network.SecurityGroupSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The drivers an agent can run, by the id operators put in {@code agent.driver}. A driver's own settings
 * are only read (and checked) when it is the one chosen. An unset or unknown id fails start-up with the
 * list of known ones, as Nova does for an unknown {@code compute_driver}.
 */
final class DriverFactories {

    /** What real drivers get from the deployment, asked for only when the chosen driver needs it. */
    record Services(Supplier<ImageSource> images, Supplier<SecurityGroupSource> securityGroups) {
    }

    private static final Map<String, BiFunction<AgentProperties, Services, HypervisorDriverFactory>> KNOWN =
            new LinkedHashMap<>();

    static {
        KNOWN.put(FakeDriver.NAME, (properties, services) -> new FakeDriverFactory(fakeSettings(properties)));
        KNOWN.put(RuncDriver.NAME, (properties, services) -> new RuncDriverFactory(runcSettings(properties),
                services.images().get(), services.securityGroups().get()));
        KNOWN.put(LibvirtDriver.NAME, (properties, services) -> new LibvirtDriverFactory(libvirtSettings(properties),
                services.images().get(), services.securityGroups().get()));
    }

    private DriverFactories() {
    }

    /** @param services what a real driver reads images and security groups from */
    static HypervisorDriverFactory select(AgentProperties properties, Services services) {
        String id = properties.driver() == null ? "" : properties.driver().trim();
        if (id.isEmpty()) {
            throw new IllegalStateException("agent.driver is not set: choose this host's hypervisor driver (known: "
                    + String.join(", ", KNOWN.keySet()) + "; fake is for tests and simulations only)");
        }
        BiFunction<AgentProperties, Services, HypervisorDriverFactory> factory = KNOWN.get(id);
        if (factory == null) {
            throw new IllegalStateException("Unknown hypervisor driver '" + id + "' in agent.driver; known: "
                    + String.join(", ", KNOWN.keySet()));
        }
        return factory.apply(properties, services);
    }

    /** The runc driver's settings; inventory not configured is the host's own. */
    static RuncSettings runcSettings(AgentProperties properties) {
        AgentProperties.Runc runc = properties.runc();
        Path stateDir = Path.of(runc.stateDir());
        return new RuncSettings(stateDir, runc.binary(), runc.idRangeFirst(), runc.idRangeCount(),
                runc.defaultPidsLimit(), runc.defaultDiskGb(), runc.stopTimeout(),
                runc.vcpus() > 0 ? runc.vcpus() : Runtime.getRuntime().availableProcessors(),
                runc.memoryMb() > 0 ? runc.memoryMb() : HostResources.memoryMb(),
                runc.diskGb() > 0 ? runc.diskGb() : HostResources.freeDiskGb(stateDir),
                properties.cpuAllocationRatio(), properties.ramAllocationRatio(), properties.diskAllocationRatio(),
                networkSettings(properties), properties.imageCacheMaxGb() * (1L << 30),
                new StorageSettings(runc.storage(), runc.btrfsPoolDevice(), runc.btrfsPoolGb()));
    }

    /** agent.network.* as the drivers take it; a mapping that is not {@code physnet:interface} stops start-up. */
    static HostNetworkSettings networkSettings(AgentProperties properties) {
        AgentProperties.Network network = properties.network();
        Map<String, String> interfaces = new LinkedHashMap<>();
        for (String mapping : network.physicalInterfaceMappings()) {
            String[] parts = mapping.split(":", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalStateException("agent.network.physical-interface-mappings: '" + mapping
                        + "' is not physnet:interface");
            }
            interfaces.put(parts[0].trim(), parts[1].trim());
        }
        return new HostNetworkSettings(network.namespace(), network.tunnelIp(), network.tunnelInterface(),
                network.vxlanGroup(), network.vxlanPort(), interfaces, network.vxlanPeers());
    }

    /** The libvirt driver's settings; inventory not configured is the host's own. */
    static LibvirtSettings libvirtSettings(AgentProperties properties) {
        AgentProperties.Libvirt libvirt = properties.libvirt();
        Path stateDir = Path.of(libvirt.stateDir());
        try {
            return new LibvirtSettings(libvirt.uri(), stateDir, libvirt.domainType(), libvirt.kvmProbeTimeout(),
                    libvirt.probeKernel().isBlank() ? null : Path.of(libvirt.probeKernel()), libvirt.machine(),
                    libvirt.stopTimeout(), libvirt.defaultDiskGb(),
                    libvirt.vcpus() > 0 ? libvirt.vcpus() : Runtime.getRuntime().availableProcessors(),
                    libvirt.memoryMb() > 0 ? libvirt.memoryMb() : HostResources.memoryMb(),
                    libvirt.diskGb() > 0 ? libvirt.diskGb() : HostResources.freeDiskGb(stateDir),
                    properties.cpuAllocationRatio(), properties.ramAllocationRatio(),
                    properties.diskAllocationRatio(), networkSettings(properties),
                    properties.imageCacheMaxGb() * (1L << 30));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
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
