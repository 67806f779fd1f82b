package io.kumo.common.contract.audit;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * One audit record: who (user, project, credential) did what (action on a target), with which
 * outcome, in which request. Every service publishes these on {@code kumo.audit}; identity keeps the
 * ledger operators query.
 */
@MessageType(name = "AuditRecorded", version = 1)
public record AuditRecorded(
        String id,
        Instant occurredAt,
        String service,
        String action,
        String outcome,
        int status,
        String actorUserId,
        String actorProjectId,
        String credential,
        String targetType,
        String targetId,
        String requestId,
        String remoteAddress,
        String detail) {

    public static final String ROUTING_KEY_PREFIX = "audit.";
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
}
