package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * The outcome of a {@link ServerCommand}: on {@code kumo.host.events}, routing key {@code server.action-done}.
 *
 * @param powerState the server's power state after the action ({@code NOSTATE} once deleted)
 * @param error      null on success, else why the driver could not do it
 */
@MessageType(name = "ServerActionDone", version = 1)
public record ServerActionDone(String instanceUuid, String host, ServerCommand.Action action, String actionId,
        PowerState powerState, String error, Instant at) {

    public static final String ROUTING_KEY = "server.action-done";
}
