package io.kumo.identity.application;

import java.time.Instant;

/** Filters of {@code GET /v3/audit-events}; null means "any". */
public record AuditQuery(String service, String actorUserId, String actorProjectId, String action, String outcome,
        String targetId, String requestId, Instant since, Instant until) {
}
