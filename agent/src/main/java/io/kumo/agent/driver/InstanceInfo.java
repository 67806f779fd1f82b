package io.kumo.agent.driver;

import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.PowerState;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An instance as its driver knows it: an immutable snapshot (a power change yields a new one), so
 * callers never see an instance half-way through an operation.
 *
 * @param configDriveFiles the config drive's files as the build gave them (path to content)
 */
public record InstanceInfo(String uuid, String name, PowerState powerState, BuildServer.FlavorSpec flavor,
        BuildServer.ImageSpec image, List<BuildServer.PortSpec> ports, Map<String, String> configDriveFiles) {

    /** The order drivers list instances in: by name, then uuid. */
    public static final Comparator<InstanceInfo> BY_NAME = Comparator.comparing(InstanceInfo::name,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(InstanceInfo::uuid);

    public InstanceInfo {
        ports = ports == null ? List.of() : List.copyOf(ports);
        configDriveFiles = configDriveFiles == null ? Map.of() : Map.copyOf(configDriveFiles);
    }

    /** A freshly built instance in the given power state, with everything the build described. */
    public static InstanceInfo built(BuildServer build, PowerState powerState) {
        return new InstanceInfo(build.instanceUuid(), build.name(), powerState, build.flavor(), build.image(),
                build.ports(), build.configDrive() == null ? Map.of() : build.configDrive().files());
    }

    /**
     * The instance made anew by a rebuild: name, image, flavor and config drive from {@code server}, the
     * ports it already had (a rebuild keeps its NICs, MACs and IPs).
     */
    public InstanceInfo rebuiltAs(BuildServer server, PowerState state) {
        return new InstanceInfo(uuid, server.name(), state, server.flavor(), server.image(), ports,
                server.configDrive() == null ? Map.of() : server.configDrive().files());
    }

    public InstanceInfo withPowerState(PowerState state) {
        return new InstanceInfo(uuid, name, state, flavor, image, ports, configDriveFiles);
    }
}
