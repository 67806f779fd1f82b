package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * The host could not build the server and left nothing of it behind: on {@code kumo.host.events},
 * routing key {@code server.build-failed}. compute-service reschedules to an alternate when
 * {@code retryable} (the host's fault, not the request's), else the server goes to ERROR with the reason.
 */
@MessageType(name = "BuildFailed", version = 1)
public record BuildFailed(String instanceUuid, String host, int attempt, String reason, boolean retryable,
        String requestId, Instant at) {

    public static final String ROUTING_KEY = "server.build-failed";
}
