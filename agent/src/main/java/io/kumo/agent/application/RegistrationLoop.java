package io.kumo.agent.application;

import io.kumo.common.lifecycle.BackgroundLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces the hosts at start-up and every {@code announce-interval}, and heartbeats every
 * {@code heartbeat-interval}, on one thread so that a host's first heartbeat never overtakes its first
 * announcement. An announcement the broker did not confirm is tried again on the next heartbeat round
 * rather than after the long interval: a host announced late is a host that gets no work. Sends never
 * block the loop for more than the confirm timeout, so a broker outage cannot stall shutdown.
 */
public final class RegistrationLoop extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(RegistrationLoop.class);

    private final HostRegistration registration;
    private final Clock clock;
    private final Duration announceInterval;
    private final Duration heartbeatInterval;
    private final Semaphore stopSignal = new Semaphore(0);
    private Instant nextAnnouncement = Instant.MIN;
    private boolean lastHeartbeatConfirmed = true;

    public RegistrationLoop(HostRegistration registration, Clock clock, Duration announceInterval,
            Duration heartbeatInterval) {
        super("host-registration");
        this.registration = registration;
        this.clock = clock;
        this.announceInterval = announceInterval;
        this.heartbeatInterval = heartbeatInterval;
    }

    @Override
    protected void step() throws InterruptedException {
        Instant now = clock.instant();
        if (!now.isBefore(nextAnnouncement)) {
            boolean confirmed = registration.announce();
            nextAnnouncement = now.plus(confirmed ? announceInterval : heartbeatInterval);
            if (!confirmed) {
                log.warn("Host announcements not confirmed by the broker; retrying in {}", heartbeatInterval);
            }
        }
        boolean confirmed = registration.heartbeat();
        if (confirmed != lastHeartbeatConfirmed) {
            if (confirmed) {
                log.info("Heartbeats confirmed by the broker again");
            } else {
                log.warn("Heartbeats not confirmed by the broker; the scheduler will see these hosts down after 60 s");
            }
            lastHeartbeatConfirmed = confirmed;
        }
        stopSignal.tryAcquire(heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void onStopRequested() {
        stopSignal.release();
    }
}
