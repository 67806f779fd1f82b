package io.kumo.common.contract.network;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * An agent reports a port it plugged ({@code ACTIVE}) or unplugged ({@code DOWN}) on its host.
 * Published on {@code kumo.host.events} with routing key {@code port.status}; network-service sets
 * the port's status from it.
 */
@MessageType(name = "PortStatusReported", version = 1)
public record PortStatusReported(String portId, String host, String status, Instant at) {

    public static final String ROUTING_KEY = "port.status";
    public static final String ACTIVE = "ACTIVE";
    public static final String DOWN = "DOWN";
}
