package io.kumo.agent.network;

import io.kumo.agent.driver.HostCommands;
import io.kumo.common.contract.host.BuildServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The host's Linux bridges, one per network with ports here (ARCHITECTURE.md §5): made on a port's first
 * plug, removed with the network's last port on the host. A bridge is only made, used and removed under
 * its own lock, so a plug never enslaves a NIC to a bridge that an unplug of another instance is removing.
 */
public final class Bridges {

    private final HostCommands commands;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public Bridges(HostCommands commands) {
        this.commands = commands;
    }

    /** The bridge network-service bound the port to, else {@code brq<network id>} as Neutron's Linux bridge agent names it. */
    public static String of(BuildServer.PortSpec port) {
        return port.bridge() == null || port.bridge().isBlank()
                ? "brq" + port.networkId().substring(0, Math.min(11, port.networkId().length())) : port.bridge();
    }

    /** Runs {@code attach} (which enslaves a NIC to the bridge) with the bridge up, made first if missing. */
    public <T> T withBridge(String bridge, Supplier<T> attach) {
        synchronized (lockOf(bridge)) {
            if (!exists(bridge)) {
                commands.run(List.of("ip", "link", "add", "name", bridge, "type", "bridge"));
            }
            commands.run(List.of("ip", "link", "set", bridge, "up"));
            return attach.get();
        }
    }

    /** Removes the bridge when no NIC is enslaved to it any more; one already gone is fine. */
    public void removeIfUnused(String bridge) {
        synchronized (lockOf(bridge)) {
            if (exists(bridge) && unused(bridge)) {
                try {
                    commands.run(List.of("ip", "link", "del", bridge));
                } catch (RuntimeException e) {
                    if (exists(bridge)) {
                        throw e;
                    }
                }
            }
        }
    }

    public static boolean exists(String link) {
        return Files.exists(Path.of("/sys/class/net", link));
    }

    private Object lockOf(String bridge) {
        return locks.computeIfAbsent(bridge, b -> new Object());
    }

    private static boolean unused(String bridge) {
        try (Stream<Path> ports = Files.list(Path.of("/sys/class/net", bridge, "brif"))) {
            return ports.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
