package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;

/**
 * compute-service asks the host a server runs on to rebuild it from another image (Nova's rebuild): on
 * {@code kumo.host.commands} with the host's name as routing key. The server keeps its id, host, ports,
 * MACs and IPs; its disk is made anew from {@code server.image()} and its config drive from
 * {@code server.configDrive()}. The agent answers {@link ServerActionDone} with action
 * {@link ServerCommand.Action#REBUILD}.
 *
 * @param server       the server as it is to be after the rebuild (same shape as a build's)
 * @param leaveStopped true when the server was stopped: rebuilt, it stays off (as Nova leaves it)
 * @param actionId     the instance action's request id, echoed in the answer
 */
@MessageType(name = "RebuildServer", version = 1)
public record RebuildServer(String instanceUuid, String host, BuildServer server, boolean leaveStopped,
        String actionId) {
}
