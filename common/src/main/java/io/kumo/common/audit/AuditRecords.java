package io.kumo.common.audit;

import io.kumo.common.auth.Caller;
import io.kumo.common.contract.audit.AuditRecorded;
import io.kumo.common.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;

/** Builds the audit record of an HTTP request: who (if known), what, outcome, from where, which request. */
public final class AuditRecords {

    private AuditRecords() {
    }

    public static AuditRecorded of(String service, Clock clock, HttpServletRequest request, Caller caller,
            String action, int status, String targetType, String targetId, String detail) {
        return new AuditRecorded(UUID.randomUUID().toString(), clock.instant(), service, action,
                status < 400 ? AuditRecorded.SUCCESS : AuditRecorded.FAILURE, status,
                caller == null ? null : caller.userId(), caller == null ? null : caller.projectId(),
                caller == null ? null : caller.credential(), targetType, targetId, RequestIds.current(),
                request.getRemoteAddr(), detail);
    }
}
