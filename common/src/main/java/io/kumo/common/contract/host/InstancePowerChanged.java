package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * A host saw an instance's power state change without being told to (Nova's power-state sync): a guest
 * that shut itself down, crashed, or was stopped or started behind Kumo's back. On {@code kumo.host.events},
 * routing key {@code server.power-changed}. compute-service applies it only to a server with no task under
 * way whose record is older than {@code observedAt}, so a late report never undoes a newer action.
 *
 * @param observedAt when the host read the state
 */
@MessageType(name = "InstancePowerChanged", version = 1)
public record InstancePowerChanged(String instanceUuid, String host, PowerState powerState, Instant observedAt) {

    public static final String ROUTING_KEY = "server.power-changed";
}
