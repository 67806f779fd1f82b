package io.kumo.common.contract.scheduler;

import io.kumo.common.contract.MessageType;

/**
 * No host fits the server: on {@code kumo.compute.events} with routing key {@code server.no_valid_host}.
 * The reason summarises which filters rejected how many hosts; the full decision is at the scheduler's
 * {@code GET /scheduling-decisions/{instanceUuid}}.
 */
@MessageType(name = "NoValidHost", version = 1)
public record NoValidHost(String instanceUuid, String reason, int attempt, String requestId) {

    public static final String ROUTING_KEY = "server.no_valid_host";
}
