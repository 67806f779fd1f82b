package io.kumo.agent.domain;

import java.util.List;

/**
 * Where the agent's events go ({@code kumo.host.events}). The agent has no outbox, so "sent" means
 * "confirmed by the broker": a command is acknowledged only after its outcome reached the broker, and a
 * crash before that gets the command redelivered (which the idempotent handlers absorb).
 */
public interface HostEvents {

    /**
     * Publishes the events and returns once the broker has confirmed every one, retrying with backoff for as
     * long as that takes (a retried event keeps its message id, so consumers drop a second copy).
     *
     * @throws IllegalStateException when the agent stops before they were confirmed
     */
    void publish(List<HostEvent> events);

    /**
     * One attempt with a bounded wait: true when the broker confirmed every event. For periodic reports
     * (heartbeats, announcements) that the next round repeats anyway.
     */
    boolean offer(List<HostEvent> events);
}
