package io.kumo.scheduler.application;

import io.kumo.common.lifecycle.BackgroundLoop;
import io.kumo.scheduler.persistence.DecisionRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.transaction.support.TransactionTemplate;

/** The scheduler's periodic work, each its own thread: cache refresh, heartbeat writes, decision expiry. */
public final class SchedulerLoops {

    private SchedulerLoops() {
    }

    /** Reads rows others changed into the host cache. */
    public static final class CacheRefresher extends BackgroundLoop {

        private final HostStateCache cache;
        private final long intervalMs;

        public CacheRefresher(HostStateCache cache, Duration interval) {
            super("host-cache-refresh");
            this.cache = cache;
            this.intervalMs = interval.toMillis();
        }

        @Override
        protected void step() throws InterruptedException {
            Thread.sleep(intervalMs);
            cache.refresh();
        }
    }

    /** Writes the heartbeats received since the last write, in one batch. */
    public static final class HeartbeatWriter extends BackgroundLoop {

        private final Hosts hosts;
        private final long intervalMs;

        public HeartbeatWriter(Hosts hosts, Duration interval) {
            super("heartbeat-writer");
            this.hosts = hosts;
            this.intervalMs = interval.toMillis();
        }

        @Override
        protected void step() throws InterruptedException {
            Thread.sleep(intervalMs);
            hosts.flushHeartbeats();
        }

        @Override
        protected void afterLoop() {
            hosts.flushHeartbeats();
        }
    }

    /** Deletes decision records past their retention, a batch at a time. */
    public static final class DecisionReaper extends BackgroundLoop {

        private static final long INTERVAL_MS = 60_000;
        private final DecisionRecords records;
        private final TransactionTemplate transactions;
        private final Duration retention;
        private final Clock clock;

        public DecisionReaper(DecisionRecords records, TransactionTemplate transactions, Duration retention,
                Clock clock) {
            super("decision-reaper");
            this.records = records;
            this.transactions = transactions;
            this.retention = retention;
            this.clock = clock;
        }

        @Override
        protected void step() throws InterruptedException {
            Thread.sleep(INTERVAL_MS);
            Instant cutoff = clock.instant().minus(retention);
            Integer deleted;
            do {
                deleted = transactions.execute(tx -> records.deleteOlderThan(cutoff, 1000));
            } while (deleted != null && deleted == 1000 && !isStopping());
        }
    }
}
