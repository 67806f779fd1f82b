package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * A request and its reply: compute-service asks a host for the tail of a server's console log
 * (Nova's {@code os-getConsoleOutput}). Sent on {@code kumo.host.commands} with the host's name as routing
 * key and the AMQP {@code reply_to} and {@code correlation_id} set. The agent replies {@link ConsoleOutput}
 * to {@code reply_to}, unless the request is past {@code expiresAt}: its requester gave up (the host was
 * down, or busy), and nobody is waiting for the reply. (The deadline travels in the body rather than as the
 * AMQP expiration, which RabbitMQ reads as a time to live and Qpid as an absolute time.)
 *
 * @param lines     the number of last lines wanted; null for all of them
 * @param expiresAt when the requester stops waiting
 */
@MessageType(name = "GetConsoleOutput", version = 1)
public record GetConsoleOutput(String instanceUuid, String host, Integer lines, Instant expiresAt) {

    public boolean expired(Instant now) {
        return expiresAt != null && now.isAfter(expiresAt);
    }
}
