package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.HostCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    /**
     * What runc knows of a container: its status ({@code created}, {@code running}, {@code paused} or
     * {@code stopped}), its process on the host and when it was created.
     */
    record State(String status, long pid, Instant created) {

        boolean running() {
            return status.equals("running") || status.equals("created") || status.equals("paused");
        }
    }

    /** The container's state; empty when runc has no such container. */
    Optional<State> state(String id) {
        try {
            JsonNode state = JSON.readTree(commands.run(List.of(binary, "--root", root.toString(), "state", id)));
            String created = state.path("created").asString(null);
            return Optional.of(new State(state.path("status").asString("unknown"), state.path("pid").asLong(),
                    created == null ? null : OffsetDateTime.parse(created).toInstant()));
        } catch (HostCommands.HostCommandFailed e) {
            return Optional.empty();
        }
    }

    /** {@code created}, {@code running}, {@code paused} or {@code stopped}; empty when runc has no such container. */
    Optional<String> status(String id) {
        return state(id).map(State::status);
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
