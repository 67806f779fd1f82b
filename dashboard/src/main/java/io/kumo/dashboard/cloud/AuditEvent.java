package io.kumo.dashboard.cloud;

/** One entry of identity-service's audit ledger: who did what to which resource, from where, and how it went. */
public record AuditEvent(String id, String occurredAt, String service, String action, String outcome, int status,
        String actorUserId, String actorProjectId, String targetType, String targetId, String requestId,
        String remoteAddress) {
}
