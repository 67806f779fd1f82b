package io.kumo.identity.persistence;

import io.kumo.common.contract.audit.AuditRecorded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the audit ledger; {@code seq} orders the ledger and pages it. Never updated. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;
    @Column(name = "id")
    private String eventId;
    private Instant occurredAt;
    private String service;
    private String action;
    private String outcome;
    private int status;
    private String actorUserId;
    private String actorProjectId;
    private String credential;
    private String targetType;
    private String targetId;
    private String requestId;
    private String remoteAddress;
    private String detail;

    protected AuditEvent() {
    }

    /** Fields are cut to their columns: a record must never fail because a caller sent a long id. */
    public AuditEvent(AuditRecorded r) {
        this.eventId = fit(r.id(), 64);
        this.occurredAt = r.occurredAt();
        this.service = fit(r.service(), 64);
        this.action = fit(r.action(), 255);
        this.outcome = fit(r.outcome(), 16);
        this.status = r.status();
        this.actorUserId = fit(r.actorUserId(), 255);
        this.actorProjectId = fit(r.actorProjectId(), 64);
        this.credential = fit(r.credential(), 128);
        this.targetType = fit(r.targetType(), 64);
        this.targetId = fit(r.targetId(), 255);
        this.requestId = fit(r.requestId(), 64);
        this.remoteAddress = fit(r.remoteAddress(), 64);
        this.detail = fit(r.detail(), 4000);
    }

    private static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public AuditRecorded toRecord() {
        return new AuditRecorded(eventId, occurredAt, service, action, outcome, status, actorUserId, actorProjectId,
                credential, targetType, targetId, requestId, remoteAddress, detail);
    }

    public Long seq() { return seq; }
    public String eventId() { return eventId; }
}
