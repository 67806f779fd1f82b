package io.kumo.agent.network;

import io.kumo.agent.driver.HostCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host's links seen from its network namespace (the host's own, or the one {@link HostNetworkSettings}
 * names): {@code ip} commands run there, and links are looked up there.
 */
public final class HostLinks {

    private final HostCommands commands;
    private final String namespace;

    public HostLinks(HostCommands commands, String namespace) {
        this.commands = commands;
        this.namespace = namespace;
    }

    /** Runs {@code ip <arguments>} in the host's namespace. */
    public String ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        if (namespace != null) {
            command.addAll(List.of("-n", namespace));
        }
        command.addAll(List.of(arguments));
        return commands.run(command);
    }

    public boolean exists(String link) {
        if (namespace == null) {
            return Files.exists(Path.of("/sys/class/net", link));
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
            try (Stream<Path> ports = Files.list(Path.of("/sys/class/net", bridge, "brif"))) {
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
}
