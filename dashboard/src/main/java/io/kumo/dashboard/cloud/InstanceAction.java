package io.kumo.dashboard.cloud;

/** One entry of a server's history (Nova's instance actions): who did what, when, and a failure's message. */
public record InstanceAction(String action, String requestId, String userId, String startTime, String message) {
}
