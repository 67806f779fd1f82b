package io.kumo.common.messaging.jpa;

import io.kumo.common.audit.AuditSink;
import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.audit.AuditRecorded;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service's audit records, published on {@code kumo.audit} (routing key {@code audit.<service>})
 * through the outbox, in a transaction of their own: the record survives the rollback of the call
 * it describes, and reaches identity's ledger even if the broker is down at that moment.
 */
public class OutboxAuditSink implements AuditSink {

    private final Outbox outbox;
    private final TransactionTemplate ownTransaction;

    public OutboxAuditSink(Outbox outbox, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditRecorded record) {
        ownTransaction.executeWithoutResult(status -> outbox.publish(Exchanges.AUDIT,
                AuditRecorded.ROUTING_KEY_PREFIX + record.service(), record));
    }
}
