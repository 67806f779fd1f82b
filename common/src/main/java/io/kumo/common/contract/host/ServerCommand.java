package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;

/**
 * compute-service asks a host to act on a server it runs: on {@code kumo.host.commands} with the host's
 * name as routing key. The agent answers {@link ServerActionDone} on {@code kumo.host.events}.
 *
 * @param action   what to do
 * @param actionId the instance action's request id, echoed in the answer
 */
@MessageType(name = "ServerCommand", version = 1)
public record ServerCommand(String instanceUuid, String host, Action action, String actionId) {

    /**
     * The power and lifecycle actions a driver carries out on an existing server, as {@link ServerActionDone}
     * names them. {@link #REBUILD} needs a whole server description and travels as {@link RebuildServer}.
     */
    public enum Action {
        START, STOP, REBOOT_SOFT, REBOOT_HARD, DELETE, REBUILD;

        /** Whether a plain ServerCommand carries this action (else it has a message of its own). */
        public boolean carriedByServerCommand() {
            return this != REBUILD;
        }
    }
}
