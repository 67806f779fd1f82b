package io.kumo.identity.application;

import io.kumo.common.audit.AuditSink;
import io.kumo.common.contract.audit.AuditRecorded;
import io.kumo.common.error.ApiException;
import io.kumo.common.web.PageRequest;
import io.kumo.identity.persistence.AuditEvent;
import io.kumo.identity.persistence.AuditEventQueries;
import io.kumo.identity.persistence.AuditEventRepository;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit ledger operators query. identity's own records are stored and published on
 * {@code kumo.audit} by the {@link AuditWriter}, in transactions of their own, so an audit survives the
 * rollback of the call it describes; other services' records arrive from {@code kumo.audit} and are
 * stored once.
 */
@Service
public class AuditLedger implements AuditSink {

    private final AuditEventRepository events;
    private final AuditWriter writer;

    AuditLedger(AuditEventRepository events, AuditWriter writer) {
        this.events = events;
        this.writer = writer;
    }

    /** Stored and published within milliseconds, independent of the outcome of the call it describes. */
    @Override
    public void record(AuditRecorded record) {
        writer.submit(record);
    }

    /** A record published by another service (or redelivered): stored unless already in the ledger. */
    @Transactional
    public boolean ingest(AuditRecorded record) {
        if (events.existsByEventId(record.id())) {
            return false;
        }
        events.save(new AuditEvent(record));
        return true;
    }

    @Transactional(readOnly = true)
    public List<AuditRecorded> search(AuditQuery q, PageRequest page) {
        Long beforeSeq = null;
        if (page.marker() != null) {
            beforeSeq = events.findByEventId(page.marker()).map(AuditEvent::seq)
                    .orElseThrow(() -> ApiException.badRequest("Marker " + page.marker() + " could not be found."));
        }
        var spec = AuditEventQueries.matching(q.service(), q.actorUserId(), q.actorProjectId(), q.action(), q.outcome(),
                q.targetId(), q.requestId(), q.since(), q.until(), beforeSeq);
        var pageable = org.springframework.data.domain.PageRequest.of(0, page.fetchSize(), Sort.by(Sort.Direction.DESC, "seq"));
        return events.findAll(spec, pageable).map(AuditEvent::toRecord).getContent();
    }
}
