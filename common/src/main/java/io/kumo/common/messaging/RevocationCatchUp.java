package io.kumo.common.messaging;

import io.kumo.common.auth.RevocationList;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls identity's current revocation events whenever this process may have missed broadcasts — at
 * start-up and after every reconnection to the broker (its queue dies with the connection) — retrying
 * until identity answers. Also forgets events older than the longest token lifetime, hourly.
 */
public class RevocationCatchUp {

    private static final Logger log = LoggerFactory.getLogger(RevocationCatchUp.class);

    private final RevocationEventsClient identity;
    private final RevocationList revocations;
    private final Clock clock;
    private final Duration maxTokenLifetime;
    private final Duration retryEvery;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "revocation-catch-up");
        thread.setDaemon(true);
        return thread;
    });

    public RevocationCatchUp(RevocationEventsClient identity, RevocationList revocations, Clock clock,
            Duration maxTokenLifetime, Duration retryEvery) {
        this.identity = identity;
        this.revocations = revocations;
        this.clock = clock;
        this.maxTokenLifetime = maxTokenLifetime;
        this.retryEvery = retryEvery;
        executor.scheduleWithFixedDelay(this::prune, 1, 1, TimeUnit.HOURS);
    }

    /** Asks for a pull soon; requests made while one is waiting are merged into it. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(this::pull);
        }
    }

    private void pull() {
        try {
            revocations.applyAll(identity.fetch());
            pending.set(false);
        } catch (RuntimeException e) {
            log.warn("Could not pull revocation events from identity, retrying in {}: {}", retryEvery, e.toString());
            executor.schedule(this::pull, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void prune() {
        revocations.pruneIssuedBefore(clock.instant().minus(maxTokenLifetime));
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
