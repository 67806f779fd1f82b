package io.kumo.agent.network;

import io.kumo.common.contract.host.BuildServer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What joins a network's bridge to the other hosts (ARCHITECTURE.md §5): for {@code vxlan} a VXLAN device
 * {@code vxlan-<VNI>} (VNI = the segment, the local tunnel address, unknown destinations flooded to the
 * multicast group over the tunnel interface, or to each of the configured peers by unicast), for {@code vlan} the tagged sub-interface
 * {@code <interface>.<VLAN>} of the physical network's interface, for {@code flat} that interface itself,
 * for {@code local} nothing. Made with the bridge, removed with it.
 */
public final class Uplinks {

    /** The all-zeros MAC of a VXLAN forwarding entry: where unknown destinations and broadcasts go. */
    static final String FLOOD = "00:00:00:00:00:00";

    private static final Logger log = LoggerFactory.getLogger(Uplinks.class);

    private final HostLinks links;
    private final HostNetworkSettings settings;
    private final java.util.Set<String> unconnected = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Uplinks(HostLinks links, HostNetworkSettings settings) {
        this.links = links;
        this.settings = settings;
    }

    /**
     * The uplink the port's network needs on this host; empty for a {@code local} network, and for a
     * {@code vxlan} one on a host without a tunnel address (its instances then reach this host's only,
     * which is said once per network in the log).
     */
    public Optional<String> nameFor(BuildServer.PortSpec port) {
        String type = port.networkType() == null ? "local" : port.networkType();
        if (type.equals("vxlan") && settings.tunnelIp() == null) {
            if (unconnected.add(port.networkId())) {
                log.warn("Network {} is a vxlan network and this host has no tunnel address"
                        + " (agent.network.tunnel-ip): its instances here reach only this host's", port.networkId());
            }
            return Optional.empty();
        }
        return switch (type) {
            case "vxlan" -> Optional.of("vxlan-" + segment(port));
            case "vlan" -> Optional.of(physicalInterface(port) + "." + segment(port));
            case "flat" -> Optional.of(physicalInterface(port));
            default -> Optional.empty();
        };
    }

    /** Makes the port's uplink (when missing) and enslaves it to {@code bridge}. */
    public void attach(String bridge, BuildServer.PortSpec port) {
        Optional<String> uplink = nameFor(port);
        if (uplink.isEmpty()) {
            return;
        }
        String name = uplink.get();
        if (!links.exists(name)) {
            switch (port.networkType()) {
                case "vxlan" -> {
                    links.ip(vxlanCommand(name, port));
                    for (String peer : settings.vxlanPeers()) {
                        if (!peer.equals(settings.tunnelIp())) {
                            links.bridge("fdb", "append", FLOOD, "dev", name, "dst", peer);
                        }
                    }
                }
                case "vlan" -> links.ip("link", "add", "link", physicalInterface(port), "name", name, "type", "vlan",
                        "id", Integer.toString(segment(port)));
                default -> throw new IllegalStateException("the physical interface " + name + " of network "
                        + port.networkId() + " is missing on this host");
            }
        }
        if (port.mtu() > 0 && !"flat".equals(port.networkType())) {
            links.ip("link", "set", name, "mtu", Integer.toString(port.mtu()));
        }
        links.ip("link", "set", name, "master", bridge, "up");
    }

    /** Whether {@code link} is an uplink this class makes or enslaves (not a guest's NIC). */
    public boolean isUplink(String link) {
        return link.startsWith("vxlan-") || settings.physicalInterfaces().containsValue(link)
                || settings.physicalInterfaces().values().stream().anyMatch(i -> link.startsWith(i + "."));
    }

    /** Removes an uplink made for a bridge (VXLAN device, VLAN sub-interface); a physical interface is released. */
    public void detach(String link) {
        if (!links.exists(link)) {
            return;
        }
        if (settings.physicalInterfaces().containsValue(link)) {
            links.ip("link", "set", link, "nomaster");
        } else {
            links.ip("link", "del", link);
        }
    }

    private String[] vxlanCommand(String name, BuildServer.PortSpec port) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("link", "add", name, "type", "vxlan",
                "id", Integer.toString(segment(port)), "local", settings.tunnelIp(), "dstport",
                Integer.toString(settings.vxlanPort())));
        if (settings.vxlanPeers().isEmpty() && settings.tunnelInterface() != null) {
            args.addAll(java.util.List.of("group", settings.vxlanGroup(), "dev", settings.tunnelInterface()));
        } else if (settings.tunnelInterface() != null) {
            args.addAll(java.util.List.of("dev", settings.tunnelInterface()));
        }
        return args.toArray(String[]::new);
    }

    private static int segment(BuildServer.PortSpec port) {
        if (port.segmentationId() == null) {
            throw new IllegalStateException("network " + port.networkId() + " (" + port.networkType()
                    + ") has no segmentation id");
        }
        return port.segmentationId();
    }

    private String physicalInterface(BuildServer.PortSpec port) {
        String physnet = port.physicalNetwork();
        String iface = physnet == null ? null : settings.physicalInterfaces().get(physnet);
        if (iface == null) {
            throw new IllegalStateException("network " + port.networkId() + " is on physical network " + physnet
                    + ", which this host maps to no interface (agent.network.physical-interface-mappings)");
        }
        return iface;
    }
}
