package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * An agent is alive: sent every 10 s on {@code kumo.host.events} with routing key {@code host.heartbeat}.
 * A host without one for 60 s is down (ARCHITECTURE.md §2) and gets no new work.
 */
@MessageType(name = "HostHeartbeat", version = 1)
public record HostHeartbeat(String host, Instant at) {

    public static final String ROUTING_KEY = "host.heartbeat";
}
