package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/** The server runs on its host: on {@code kumo.host.events}, routing key {@code server.spawned}. */
@MessageType(name = "ServerSpawned", version = 1)
public record ServerSpawned(String instanceUuid, String host, int attempt, PowerState powerState, String requestId,
        Instant at) {

    public static final String ROUTING_KEY = "server.spawned";
}
