package io.kumo.common.audit;

import io.kumo.common.contract.audit.AuditRecorded;

/** Where a service's audit records go: identity stores them in its ledger, others publish them. */
public interface AuditSink {

    void record(AuditRecorded record);
}
