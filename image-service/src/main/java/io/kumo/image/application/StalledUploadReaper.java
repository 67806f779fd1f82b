package io.kumo.image.application;

import io.kumo.common.lifecycle.BackgroundLoop;
import io.kumo.image.domain.ImageStatus;
import io.kumo.image.domain.ImageStore;
import io.kumo.image.persistence.ImageRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An upload whose process died (crash, kill -9) leaves its image {@code saving} forever — the "stuck"
 * state operators hate. Running uploads report progress every few seconds; this loop puts images whose
 * upload made none for {@code stalledAfter} back to {@code queued}, and lets the store throw away the
 * staged data such uploads left. It also sweeps committed data no image refers to (a delete whose
 * data removal failed, a crash between commit and activation) once it is well older than any upload.
 */
public class StalledUploadReaper extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(StalledUploadReaper.class);

    private final ImageRepository images;
    private final ImageStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration stalledAfter;
    private final Duration interval;

    public StalledUploadReaper(ImageRepository images, ImageStore store, PlatformTransactionManager transactions,
            Clock clock, Duration stalledAfter, Duration interval) {
        super("stalled-upload-reaper");
        this.images = images;
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.stalledAfter = stalledAfter;
        this.interval = interval;
    }

    private final Object wake = new Object();

    @Override
    protected void step() throws InterruptedException {
        reap();
        synchronized (wake) {
            if (!isStopping()) {
                wake.wait(interval.toMillis());
            }
        }
    }

    @Override
    protected void onStopRequested() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** One pass; returns how many images went back to queued. */
    public int reap() {
        Instant now = clock.instant();
        Integer reset = transactions.execute(status ->
                images.resetStalledUploads(now.minus(stalledAfter), now, ImageStatus.SAVING, ImageStatus.QUEUED));
        if (reset != null && reset > 0) {
            log.warn("{} image upload(s) made no progress for {}: back to queued", reset, stalledAfter);
        }
        store.removeAbandonedStaging(stalledAfter.multipliedBy(2));
        Instant sweepDue = lastSweep.plus(Duration.ofHours(1)); // it looks at every stored file: not every minute
        if (!now.isBefore(sweepDue)) {
            lastSweep = now;
            sweepOrphanedData();
        }
        return reset == null ? 0 : reset;
    }

    private volatile Instant lastSweep = Instant.MIN;

    /** Removes committed data older than four stall periods that no image refers to; returns how much. */
    public int sweepOrphanedData() {
        int removed = 0;
        for (String location : store.committedBefore(stalledAfter.multipliedBy(4))) {
            Boolean referenced = transactions.execute(status -> images.existsByLocation(location));
            if (Boolean.FALSE.equals(referenced)) {
                try {
                    store.delete(location);
                    removed++;
                    log.warn("Removed image data {} that no image refers to", location);
                } catch (java.io.IOException e) {
                    log.warn("Could not remove orphaned image data {}: {}", location, e.getMessage());
                }
            }
        }
        return removed;
    }
}
