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

    public AuditEvent(AuditRecorded r) {
        this.eventId = r.id();
        this.occurredAt = r.occurredAt();
        this.service = r.service();
        this.action = r.action();
        this.outcome = r.outcome();
        this.status = r.status();
        this.actorUserId = r.actorUserId();
        this.actorProjectId = r.actorProjectId();
        this.credential = r.credential();
        this.targetType = r.targetType();
        this.targetId = r.targetId();
        this.requestId = r.requestId();
        this.remoteAddress = r.remoteAddress();
        this.detail = r.detail();
    }

    public AuditRecorded toRecord() {
        return new AuditRecorded(eventId, occurredAt, service, action, outcome, status, actorUserId, actorProjectId,
                credential, targetType, targetId, requestId, remoteAddress, detail);
    }

    public Long seq() { return seq; }
    public String eventId() { return eventId; }
}
