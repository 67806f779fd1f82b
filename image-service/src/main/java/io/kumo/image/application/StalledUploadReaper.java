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
 * staged data such uploads left.
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
        return reset == null ? 0 : reset;
    }
}
