package io.kumo.compute.application;

import io.kumo.common.contract.host.BuildServer;
import io.kumo.compute.client.NetworkService;
import io.kumo.compute.domain.ConfigDriveFiles;
import io.kumo.compute.domain.Flavor;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.ServerPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a host is told to make of a server, for a build and for a rebuild alike: its ports bound to the
 * host (how to plug each NIC) and the server described in full, config drive rendered. Binding calls
 * network-service, so it is done outside database transactions.
 */
@Component
public class BuildCommands {

    private final NetworkService networks;
    private final ComputeSettings settings;

    BuildCommands(NetworkService networks, ComputeSettings settings) {
        this.networks = networks;
        this.settings = settings;
    }

    /** The server's ports bound to {@code host}: what the agent plugs, and what the config drive tells the guest. */
    public record BoundPorts(List<BuildServer.PortSpec> specs, List<ConfigDriveFiles.Nic> nics) {

        public BoundPorts {
            specs = List.copyOf(specs);
            nics = List.copyOf(nics);
        }
    }

    /** Binds every port of the server to the host (binding a port again to the same host changes nothing). */
    public BoundPorts bind(Server server, String host) {
        List<BuildServer.PortSpec> specs = new ArrayList<>();
        List<ConfigDriveFiles.Nic> nics = new ArrayList<>();
        for (ServerPort port : server.ports()) {
            NetworkService.Binding binding = networks.bind(port.portId(), host);
            specs.add(new BuildServer.PortSpec(port.portId(), port.networkId(), port.macAddress(),
                    port.fixedIps().stream().map(ip -> new BuildServer.FixedIp(ip.subnetId(), ip.ipAddress()))
                            .toList(), binding.bridge(), binding.mtu(), binding.networkType(),
                    binding.segmentationId(), binding.physicalNetwork()));
            nics.add(new ConfigDriveFiles.Nic(port.portId(), port.macAddress(), binding.mtu(), port.networkId(),
                    port.fixedIps().stream().map(ip -> address(ip, binding)).toList()));
        }
        return new BoundPorts(specs, nics);
    }

    /** The server as the host is to make it, on the ports bound there; {@code requestId} names the action. */
    public BuildServer describe(Server s, BoundPorts ports, String requestId) {
        Flavor f = s.flavor();
        return new BuildServer(s.id(), s.host(), s.projectId(), s.name(), s.hostname(),
                new BuildServer.FlavorSpec(f.id(), f.name(), f.vcpus(), f.ramMb(), f.rootGb(), f.ephemeralGb(),
                        f.swapMb(), f.extraSpecs()),
                new BuildServer.ImageSpec(s.imageId(), null, null, null, 0, null, Map.of()), s.hypervisorType(),
                ports.specs(), new BuildServer.ConfigDrive(ConfigDriveFiles.of(s, ports.nics(), settings.vendorData())),
                s.buildAttempt(), requestId);
    }

    private static ConfigDriveFiles.Address address(ServerPort.FixedIp ip, NetworkService.Binding binding) {
        NetworkService.Subnet subnet = binding.subnets().stream().filter(sn -> sn.id().equals(ip.subnetId()))
                .findFirst().orElse(null);
        return new ConfigDriveFiles.Address(ip.ipAddress(), subnet == null ? ip.ipAddress() + "/32" : subnet.cidr(),
                subnet == null ? null : subnet.gatewayIp(), subnet == null ? List.of() : subnet.dnsNameservers());
    }
}
