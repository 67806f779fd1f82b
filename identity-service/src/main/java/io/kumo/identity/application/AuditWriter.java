package io.kumo.identity.application;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.audit.AuditRecorded;
import io.kumo.common.lifecycle.BackgroundLoop;
import io.kumo.common.messaging.jpa.Outbox;
import io.kumo.identity.persistence.AuditEvent;
import io.kumo.identity.persistence.AuditEventRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes audit records in batches: one transaction (one disk flush) stores and publishes everything
 * recorded in the last few milliseconds, instead of one flush per API call — on MariaDB that flush
 * was most of a token request's time. Like Keystone's asynchronous CADF notifications, a record is
 * written shortly after the call it describes; a graceful stop flushes the rest, and a full queue
 * makes callers write their own record rather than drop it.
 */
@Component
class AuditWriter extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    private static final int MAX_BATCH = 500;

    private final BlockingQueue<AuditRecorded> pending = new ArrayBlockingQueue<>(10_000);
    private final AuditEventRepository events;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    AuditWriter(AuditEventRepository events, Outbox outbox, PlatformTransactionManager transactions) {
        super("audit-writer");
        this.events = events;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactions);
    }

    void submit(AuditRecorded record) {
        if (!isRunning() || !pending.offer(record)) {
            write(List.of(record));
        }
    }

    private void write(List<AuditRecorded> batch) {
        transactions.executeWithoutResult(status -> {
            events.saveAll(batch.stream().map(AuditEvent::new).toList());
            for (AuditRecorded record : batch) {
                outbox.publish(Exchanges.AUDIT, AuditRecorded.ROUTING_KEY_PREFIX + record.service(), record);
            }
        });
    }

    @Override
    protected void step() throws InterruptedException {
        AuditRecorded first = pending.poll(100, TimeUnit.MILLISECONDS);
        if (first != null) {
            List<AuditRecorded> batch = new ArrayList<>();
            batch.add(first);
            pending.drainTo(batch, MAX_BATCH - 1);
            writeOrRequeue(batch);
        }
    }

    /** Whatever is still queued when the application stops is written before it goes. */
    @Override
    protected void afterLoop() {
        List<AuditRecorded> rest = new ArrayList<>();
        pending.drainTo(rest);
        if (!rest.isEmpty()) {
            write(rest);
        }
    }

    /**
     * When a batch fails, its records are written one by one, so that one bad record cannot block the
     * ledger; if single writes fail too (the database is down) the batch waits for the next attempt.
     */
    private void writeOrRequeue(List<AuditRecorded> batch) {
        try {
            write(batch);
        } catch (RuntimeException batchFailure) {
            int written = 0;
            RuntimeException last = batchFailure;
            for (AuditRecorded record : batch) {
                try {
                    write(List.of(record));
                    written++;
                } catch (RuntimeException e) {
                    last = e;
                    log.error("Audit record {} could not be written: {}", record.id(), e.toString());
                }
            }
            if (written == 0) {
                requeue(batch);
                throw last;
            }
        }
    }

    private void requeue(List<AuditRecorded> batch) {
        List<AuditRecorded> retry = new ArrayList<>(batch);
        pending.drainTo(retry);
        for (AuditRecorded r : retry) {
            if (!pending.offer(r)) {
                log.error("Audit queue full while the database is failing; record {} dropped", r.id());
            }
        }
    }

    /** Stop after the web server (which stops last-in-first-out), so in-flight requests are audited. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
