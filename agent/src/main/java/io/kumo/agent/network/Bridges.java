package io.kumo.agent.network;

import io.kumo.common.contract.host.BuildServer;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The host's Linux bridges, one per network with ports here (ARCHITECTURE.md §5): made on a port's first
 * plug with the network's uplink ({@link Uplinks}), removed with the network's last port on the host. A
 * bridge is only made, used and removed under its own lock, so a plug never enslaves a NIC to a bridge that
 * an unplug of another instance is removing.
 */
public final class Bridges {

    private final HostLinks links;
    private final Uplinks uplinks;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public Bridges(HostLinks links, Uplinks uplinks) {
        this.links = links;
        this.uplinks = uplinks;
    }

    /** The bridge network-service bound the port to, else {@code brq<network id>} as Neutron's Linux bridge agent names it. */
    public static String of(BuildServer.PortSpec port) {
        return port.bridge() == null || port.bridge().isBlank()
                ? "brq" + port.networkId().substring(0, Math.min(11, port.networkId().length())) : port.bridge();
    }

    /**
     * Runs {@code attach} (which enslaves a NIC to the port's bridge) with the bridge up and joined to its
     * network's uplink, both made first if missing.
     */
    public <T> T withBridge(BuildServer.PortSpec port, Supplier<T> attach) {
        String bridge = of(port);
        synchronized (lockOf(bridge)) {
            if (!links.exists(bridge)) {
                links.ip("link", "add", "name", bridge, "type", "bridge");
            }
            uplinks.attach(bridge, port);
            links.ip("link", "set", bridge, "up");
            return attach.get();
        }
    }

    /** Removes the bridge and its uplink when no guest's NIC is enslaved to it any more; one already gone is fine. */
    public void removeIfUnused(String bridge) {
        synchronized (lockOf(bridge)) {
            if (!links.exists(bridge)) {
                return;
            }
            List<String> members = links.enslavedTo(bridge);
            if (!members.stream().allMatch(uplinks::isUplink)) {
                return;
            }
            members.forEach(uplinks::detach);
            try {
                links.ip("link", "del", bridge);
            } catch (RuntimeException e) {
                if (links.exists(bridge)) {
                    throw e;
                }
            }
        }
    }

    /** The links of the host's namespace the bridges live in. */
    public HostLinks links() {
        return links;
    }

    private Object lockOf(String bridge) {
        return locks.computeIfAbsent(bridge, b -> new Object());
    }
}
