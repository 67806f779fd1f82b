package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;

/**
 * A request and its reply: compute-service asks a host for the tail of a server's console log
 * (Nova's {@code os-getConsoleOutput}). Sent on {@code kumo.host.commands} with the host's name as routing
 * key, the AMQP {@code reply_to} and {@code correlation_id} set and an expiration, so a request for a host
 * that is down does not wait in its queue after the caller gave up. The agent replies {@link ConsoleOutput}
 * to {@code reply_to}.
 *
 * @param lines the number of last lines wanted; null for all of them
 */
@MessageType(name = "GetConsoleOutput", version = 1)
public record GetConsoleOutput(String instanceUuid, String host, Integer lines) {
}
