package io.kumo.agent.domain;

/**
 * Replies to a host request ({@code GetConsoleOutput}): sent to the requester's own queue, with its
 * correlation id. Best effort: the requester waits a bounded time and tells its caller when none came.
 */
public interface HostReplies {

    void reply(ReplyAddress to, Object payload);

    /** Where a request wants its reply: the AMQP {@code reply_to} queue and {@code correlation_id}. */
    record ReplyAddress(String replyTo, String correlationId) {
    }
}
