package io.kumo.agent.network;

import io.kumo.agent.driver.HostCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host's links seen from its network namespace (the host's own, or the one {@link HostNetworkSettings}
 * names): {@code ip} commands run there, and links are looked up there.
 */
public final class HostLinks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SYS_NET = Path.of("/sys/class/net");

    private final HostCommands commands;
    private final String namespace;

    public HostLinks(HostCommands commands, String namespace) {
        this.commands = commands;
        this.namespace = namespace;
    }

    /** Runs {@code ip <arguments>} in the host's namespace. */
    public String ip(String... arguments) {
        return inNamespace("ip", arguments);
    }

    /** Runs {@code bridge <arguments>} (iproute2's bridge tool: forwarding entries) in the host's namespace. */
    public String bridge(String... arguments) {
        return inNamespace("bridge", arguments);
    }

    private String inNamespace(String tool, String... arguments) {
        List<String> command = new ArrayList<>(List.of(tool));
        if (namespace != null) {
            command.addAll(List.of("-n", namespace));
        }
        command.addAll(List.of(arguments));
        return commands.run(command);
    }

    public boolean exists(String link) {
        if (namespace == null) {
            return Files.exists(SYS_NET.resolve(link));
        }
        try {
            ip("link", "show", "dev", link);
            return true;
        } catch (HostCommands.HostCommandFailed e) {
            return false;
        }
    }

    /** The links enslaved to {@code bridge}; empty when it does not exist. */
    public List<String> enslavedTo(String bridge) {
        if (namespace == null) {
            try (Stream<Path> ports = Files.list(SYS_NET.resolve(bridge).resolve("brif"))) {
                return ports.map(p -> p.getFileName().toString()).toList();
            } catch (IOException e) {
                return List.of();
            }
        }
        try {
            return ip("-o", "link", "show", "master", bridge).lines().map(line -> line.split(":\\s+", 3))
                    .filter(fields -> fields.length > 1).map(fields -> fields[1].replaceAll("@.*", "")).toList();
        } catch (HostCommands.HostCommandFailed e) {
            return List.of();
        }
    }

    /**
     * The link's counters; empty when it does not exist. Read from sysfs in the host's own namespace, from
     * {@code ip -s -j link} in another (sysfs shows the namespace of the process that mounted it).
     */
    public Optional<LinkCounters> counters(String link) {
        if (namespace == null) {
            Path statistics = SYS_NET.resolve(link).resolve("statistics");
            try {
                return Optional.of(new LinkCounters(read(statistics, "rx_bytes"), read(statistics, "rx_packets"),
                        read(statistics, "rx_errors"), read(statistics, "rx_dropped"), read(statistics, "tx_bytes"),
                        read(statistics, "tx_packets"), read(statistics, "tx_errors"), read(statistics, "tx_dropped")));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        try {
            return countersOf(ip("-s", "-j", "link", "show", "dev", link));
        } catch (HostCommands.HostCommandFailed e) {
            return Optional.empty();
        }
    }

    /** The counters in {@code ip -s -j link show dev <link>}'s answer (its {@code stats64}). */
    static Optional<LinkCounters> countersOf(String ipJson) {
        JsonNode link = JSON.readTree(ipJson).path(0);
        JsonNode rx = link.path("stats64").path("rx");
        JsonNode tx = link.path("stats64").path("tx");
        if (rx.isMissingNode() || tx.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new LinkCounters(rx.path("bytes").asLong(), rx.path("packets").asLong(),
                rx.path("errors").asLong(), rx.path("dropped").asLong(), tx.path("bytes").asLong(),
                tx.path("packets").asLong(), tx.path("errors").asLong(), tx.path("dropped").asLong()));
    }

    private static long read(Path statistics, String counter) throws IOException {
        return Long.parseLong(Files.readString(statistics.resolve(counter)).strip());
    }
}
