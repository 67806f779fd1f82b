package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.HostCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OCI runtime's command line ({@code runc}, the reference implementation), with its state under a
 * root of the agent's own so that containers of other tools on the host are neither seen nor touched.
 */
class Runc {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HostCommands commands;
    private final String binary;
    private final Path root;

    Runc(HostCommands commands, String binary, Path root) {
        this.commands = commands;
        this.binary = binary;
        this.root = root;
    }

    /**
     * Creates the container of {@code bundle} — namespaces, cgroups and root filesystem ready, its process
     * waiting to be started; the process writes stdout and stderr to {@code consoleLog} (runc hands its own
     * descriptors to the container). Returns the process id on the host.
     */
    long create(String id, Path bundle, Path consoleLog) {
        commands.run(List.of(binary, "--root", root.toString(), "create", "--bundle", bundle.toString(), id),
                Duration.ofSeconds(60), consoleLog);
        JsonNode state = JSON.readTree(commands.run(List.of(binary, "--root", root.toString(), "state", id)));
        return state.path("pid").asLong();
    }

    /** Starts the process of a created container. */
    void start(String id) {
        commands.run(List.of(binary, "--root", root.toString(), "start", id));
    }

    /** {@code created}, {@code running}, {@code paused} or {@code stopped}; empty when runc has no such container. */
    Optional<String> status(String id) {
        try {
            JsonNode state = JSON.readTree(commands.run(List.of(binary, "--root", root.toString(), "state", id)));
            return Optional.of(state.path("status").asString("unknown"));
        } catch (HostCommands.HostCommandFailed e) {
            return Optional.empty();
        }
    }

    void kill(String id, String signal) {
        try {
            commands.run(List.of(binary, "--root", root.toString(), "kill", id, signal));
        } catch (HostCommands.HostCommandFailed e) {
            // already stopped: the signal has nobody to reach, which is the state asked for
        }
    }

    /** The ids of every container under the agent's runc root. */
    List<String> list() {
        return commands.run(List.of(binary, "--root", root.toString(), "list", "-q")).lines().map(String::strip)
                .filter(id -> !id.isEmpty()).toList();
    }

    /** Removes the container (killing what still runs in it); one that does not exist is fine. */
    void delete(String id) {
        if (status(id).isPresent()) {
            commands.run(List.of(binary, "--root", root.toString(), "delete", "--force", id));
        }
    }
}
