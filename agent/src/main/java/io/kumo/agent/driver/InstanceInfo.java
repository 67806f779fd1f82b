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
 * @param volumes          the volumes attached to it, in the order they were attached
 */
public record InstanceInfo(String uuid, String name, PowerState powerState, BuildServer.FlavorSpec flavor,
        BuildServer.ImageSpec image, List<BuildServer.PortSpec> ports, Map<String, String> configDriveFiles,
        List<AttachedVolume> volumes) {

    /** The order drivers list instances in: by name, then uuid. */
    public static final Comparator<InstanceInfo> BY_NAME = Comparator.comparing(InstanceInfo::name,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(InstanceInfo::uuid);

    public InstanceInfo {
        ports = ports == null ? List.of() : List.copyOf(ports);
        configDriveFiles = configDriveFiles == null ? Map.of() : Map.copyOf(configDriveFiles);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    /** A freshly built instance in the given power state, with everything the build described. */
    public static InstanceInfo built(BuildServer build, PowerState powerState) {
        return new InstanceInfo(build.instanceUuid(), build.name(), powerState, build.flavor(), build.image(),
                build.ports(), build.configDrive() == null ? Map.of() : build.configDrive().files(), List.of());
    }

    /**
     * The instance made anew by a rebuild: name, image, flavor and config drive from {@code server}, the
     * ports and volumes it already had (a rebuild keeps its NICs, MACs, IPs and attached volumes).
     */
    public InstanceInfo rebuiltAs(BuildServer server, PowerState state) {
        return new InstanceInfo(uuid, server.name(), state, server.flavor(), server.image(), ports,
                server.configDrive() == null ? Map.of() : server.configDrive().files(), volumes);
    }

    public InstanceInfo withPowerState(PowerState state) {
        return new InstanceInfo(uuid, name, state, flavor, image, ports, configDriveFiles, volumes);
    }

    /** The attached volume with that id, if it is attached. */
    public java.util.Optional<AttachedVolume> volume(String volumeId) {
        return volumes.stream().filter(v -> v.volumeId().equals(volumeId)).findFirst();
    }

    /** With {@code volume} attached (in place of an earlier attachment of the same volume). */
    public InstanceInfo withVolume(AttachedVolume volume) {
        List<AttachedVolume> next = new java.util.ArrayList<>(withoutVolume(volume.volumeId()).volumes);
        next.add(volume);
        return new InstanceInfo(uuid, name, powerState, flavor, image, ports, configDriveFiles, next);
    }

    public InstanceInfo withoutVolume(String volumeId) {
        return new InstanceInfo(uuid, name, powerState, flavor, image, ports, configDriveFiles,
                volumes.stream().filter(v -> !v.volumeId().equals(volumeId)).toList());
    }
}
