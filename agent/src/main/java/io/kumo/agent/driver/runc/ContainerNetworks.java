package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.FirewallChange;
import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.network.Bridges;
import io.kumo.agent.network.HostLinks;
import io.kumo.agent.network.PortFirewall;
import io.kumo.agent.network.SecurityGroupSource;
import io.kumo.agent.network.TapNames;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.InstanceStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's network plumbing (ARCHITECTURE.md §5), with iproute2: the container's network namespace;
 * per port a veth pair whose host end ({@code tap<port id>}, as Nova names it) is enslaved to the
 * network's bridge and whose other end becomes {@code eth<i>} in the namespace with the port's MAC, MTU and
 * address, and the default route of the first NIC's gateway. The bridge is made on first use. Deleting the
 * namespace deletes the container's ends and with them the pairs.
 */
class ContainerNetworks {

    private final HostCommands commands;
    private final Bridges bridges;
    private final HostLinks host;
    private final PortFirewall firewall;
    private final SecurityGroupSource securityGroups;

    ContainerNetworks(HostCommands commands, Bridges bridges, PortFirewall firewall,
            SecurityGroupSource securityGroups) {
        this.commands = commands;
        this.bridges = bridges;
        this.host = bridges.links();
        this.firewall = firewall;
        this.securityGroups = securityGroups;
    }

    /** Renders again, from the security groups as they are now, the firewalls of the ports the change touches. */
    void refilter(List<BuildServer.PortSpec> ports, FirewallChange change) {
        for (BuildServer.PortSpec port : ports) {
            String tap = TapNames.of(port.portId());
            if (firewall.applied(tap).filter(filter -> filter.touchedBy(change)).isPresent()) {
                firewall.apply(securityGroups.filterFor(port, tap));
            }
        }
    }

    /**
     * The ports' traffic from the container's side: its veths' host ends count what it sent as received, so
     * the directions are swapped (as libvirt reports a VM's taps). A port not plugged (stopped) is left out.
     */
    List<InstanceStats.Nic> counters(List<BuildServer.PortSpec> ports) {
        List<InstanceStats.Nic> nics = new ArrayList<>();
        for (BuildServer.PortSpec port : ports) {
            String tap = TapNames.of(port.portId());
            host.counters(tap).ifPresent(c -> nics.add(new InstanceStats.Nic(tap, port.macAddress(), c.txBytes(),
                    c.txPackets(), c.txErrors(), c.txDropped(), c.rxBytes(), c.rxPackets(), c.rxErrors(),
                    c.rxDropped())));
        }
        return nics;
    }

    static String namespaceOf(String instanceUuid) {
        return "kumo-" + instanceUuid;
    }

    /**
     * Plugs every port into the network namespace of the container process {@code pid} (made by runc in the
     * container's user namespace, so the container may mount its sysfs), named {@code kumo-<uuid>} while it
     * lives. A half-plugged container is unplugged again before the failure is thrown.
     */
    void plug(String instanceUuid, long pid, List<BuildServer.PortSpec> ports, GuestConfig guest) {
        String ns = namespaceOf(instanceUuid);
        try {
            if (Files.exists(Path.of("/var/run/netns", ns))) {
                commands.run(List.of("ip", "netns", "del", ns));
            }
            commands.run(List.of("ip", "netns", "attach", ns, Long.toString(pid)));
            commands.run(List.of("ip", "-n", ns, "link", "set", "lo", "up"));
            boolean routed = false;
            for (int i = 0; i < ports.size(); i++) {
                BuildServer.PortSpec port = ports.get(i);
                GuestConfig.Nic nic = guest.nicsByMac().get(port.macAddress());
                firewall.apply(securityGroups.filterFor(port, TapNames.of(port.portId())));
                plugPort(ns, "eth" + i, port);
                if (nic != null) {
                    commands.run(List.of("ip", "-n", ns, "addr", "add", nic.address() + "/" + nic.prefix(), "dev",
                            "eth" + i));
                    if (!routed && nic.gateway() != null) {
                        commands.run(List.of("ip", "-n", ns, "route", "add", "default", "via", nic.gateway()));
                        routed = true;
                    }
                }
            }
        } catch (RuntimeException e) {
            unplug(instanceUuid, ports);
            throw e;
        }
    }

    private void plugPort(String ns, String name, BuildServer.PortSpec port) {
        String mtu = Integer.toString(port.mtu() > 0 ? port.mtu() : 1500);
        String tap = TapNames.of(port.portId());
        String peer = "kc" + port.portId().substring(0, Math.min(12, port.portId().length()));
        if (host.exists(tap)) {
            host.ip("link", "del", tap);
        }
        host.ip("link", "add", tap, "mtu", mtu, "type", "veth", "peer", "name", peer, "mtu", mtu);
        bridges.withBridge(port, () -> host.ip("link", "set", tap, "master", Bridges.of(port), "up"));
        host.ip("link", "set", peer, "netns", ns);
        commands.run(List.of("ip", "-n", ns, "link", "set", peer, "name", name, "address", port.macAddress()));
        commands.run(List.of("ip", "-n", ns, "link", "set", name, "up"));
    }

    /**
     * Removes the namespace, any host end left, and a bridge no other port on this host uses any more;
     * what is already gone is fine.
     */
    void unplug(String instanceUuid, List<BuildServer.PortSpec> ports) {
        String ns = namespaceOf(instanceUuid);
        List<RuntimeException> failures = new ArrayList<>();
        if (Files.exists(Path.of("/var/run/netns", ns))) {
            try {
                commands.run(List.of("ip", "netns", "del", ns));
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        for (BuildServer.PortSpec port : ports) {
            String tap = TapNames.of(port.portId());
            try {
                firewall.remove(tap);
            } catch (RuntimeException e) {
                failures.add(e);
            }
            if (host.exists(tap)) {
                try {
                    host.ip("link", "del", tap);
                } catch (RuntimeException e) {
                    if (host.exists(tap)) { // else the kernel removed it with its peer's namespace meanwhile
                        failures.add(e);
                    }
                }
            }
        }
        for (BuildServer.PortSpec port : ports) {
            try {
                bridges.removeIfUnused(Bridges.of(port));
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

}
