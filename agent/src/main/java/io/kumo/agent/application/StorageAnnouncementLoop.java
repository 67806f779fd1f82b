package io.kumo.agent.application;

import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.volume.StorageHost;
import io.kumo.common.lifecycle.BackgroundLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells volume-service which backends this storage host runs and how full they are ({@code StorageAnnounced}),
 * at start-up and every {@code agent.volume.announce-interval}: volume-service stops choosing a pool it has not
 * heard of for a while, so an announcement the broker did not confirm is offered again after a few seconds
 * rather than a whole interval later. An agent with no volume backend is no storage host: the loop never starts.
 */
public final class StorageAnnouncementLoop extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(StorageAnnouncementLoop.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final StorageHost storage;
    private final HostEvents events;
    private final Clock clock;
    private final Duration interval;
    private final Semaphore stopSignal = new Semaphore(0);
    private boolean lastConfirmed = true;

    public StorageAnnouncementLoop(StorageHost storage, HostEvents events, Clock clock, Duration interval) {
        super("storage-announcement");
        this.storage = storage;
        this.events = events;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public boolean isAutoStartup() {
        return storage.isStorageHost();
    }

    /** Offers one announcement; returns how long until the next (sooner when the broker did not confirm it). */
    Duration round() {
        boolean confirmed = events.offer(List.of(HostEvent.of(storage.announcement(clock.instant()))));
        if (confirmed != lastConfirmed) {
            if (confirmed) {
                log.info("Storage announcements of {} confirmed by the broker again", storage.name());
            } else {
                log.warn("Storage announcement of {} not confirmed by the broker; retrying in {}", storage.name(),
                        RETRY);
            }
            lastConfirmed = confirmed;
        }
        return confirmed || interval.compareTo(RETRY) < 0 ? interval : RETRY;
    }

    @Override
    protected void step() throws InterruptedException {
        stopSignal.tryAcquire(round().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void onStopRequested() {
        stopSignal.release();
    }
}
