package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * A request and its reply, as {@link GetConsoleOutput}: compute-service asks a host what a server uses now
 * (Nova's {@code GET /servers/{id}/diagnostics}). The agent replies {@link Diagnostics} to the AMQP
 * {@code reply_to} unless the request is past {@code expiresAt}.
 */
@MessageType(name = "GetDiagnostics", version = 1)
public record GetDiagnostics(String instanceUuid, String host, Instant expiresAt) {

    public boolean expired(Instant now) {
        return expiresAt != null && now.isAfter(expiresAt);
    }
}
