package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;
import java.util.List;
import java.util.Map;

/**
 * compute-service tells a host to create and start a server: on {@code kumo.host.commands} with the
 * host's name as routing key. Everything the agent needs travels in the command (the agent has no
 * database); the resources are already claimed in placement and the ports already bound to the host.
 * The agent answers {@link ServerSpawned} or {@link BuildFailed} on {@code kumo.host.events}.
 *
 * @param attempt      1 for the first host, 2 and 3 for reschedules; echoed in the answer so a late
 *                     answer from an abandoned attempt is recognised
 * @param hypervisorType qemu, kvm or container: which driver capability the server needs
 */
@MessageType(name = "BuildServer", version = 1)
public record BuildServer(String instanceUuid, String host, String projectId, String name, String hostname,
        FlavorSpec flavor, ImageSpec image, String hypervisorType, List<PortSpec> ports, ConfigDrive configDrive,
        int attempt, String requestId) {

    public BuildServer {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    /** The flavor as it was at boot time (Nova embeds it in the instance the same way). */
    public record FlavorSpec(String id, String name, int vcpus, int memoryMb, int rootGb, int ephemeralGb, int swapMb,
            Map<String, String> extraSpecs) {

        public FlavorSpec {
            extraSpecs = extraSpecs == null ? Map.of() : Map.copyOf(extraSpecs);
        }
    }

    /** Where the agent fetches the image from (image-service's file URL) and what it is. */
    public record ImageSpec(String id, String name, String diskFormat, String containerFormat, long size,
            String checksum, Map<String, String> properties) {

        public ImageSpec {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }
    }

    /**
     * A port bound to this host: the agent plugs a NIC with this MAC into {@code bridge}, which it joins to
     * the network's other hosts as {@code networkType} says ({@code vxlan}/{@code vlan} with the segment,
     * {@code flat}/{@code vlan} over {@code physicalNetwork}'s interface, {@code local}: not at all).
     */
    public record PortSpec(String portId, String networkId, String macAddress, List<FixedIp> fixedIps, String bridge,
            int mtu, String networkType, Integer segmentationId, String physicalNetwork) {

        public PortSpec {
            fixedIps = fixedIps == null ? List.of() : List.copyOf(fixedIps);
        }
    }

    public record FixedIp(String subnetId, String ipAddress) {
    }

    /**
     * The config drive's files, already rendered: path under the drive's root (for example
     * {@code openstack/latest/meta_data.json}) to content. {@code user_data} is base64 as the API took it.
     */
    public record ConfigDrive(Map<String, String> files) {

        public ConfigDrive {
            files = files == null ? Map.of() : Map.copyOf(files);
        }
    }
}
