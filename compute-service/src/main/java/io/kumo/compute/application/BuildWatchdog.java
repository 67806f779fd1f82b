package io.kumo.compute.application;

import io.kumo.common.lifecycle.BackgroundLoop;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few seconds, no build stays stuck: builds past their deadline go to ERROR with a fault and
 * release what they held, and builds on a host that went down are taken from it (rescheduled while
 * attempts remain) without waiting for the deadline; and no delete stays stuck: one its host has not
 * answered for two minutes is sent again.
 */
public class BuildWatchdog extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(BuildWatchdog.class);

    /** How long a host has to answer a DELETE before it is sent again. */
    static final Duration DELETE_RESEND_AFTER = Duration.ofMinutes(2);

    private final ServerBuilds builds;
    private final ServerActions actions;
    private final Duration interval;

    public BuildWatchdog(ServerBuilds builds, ServerActions actions, Duration interval) {
        super("build-watchdog");
        this.builds = builds;
        this.actions = actions;
        this.interval = interval;
    }

    @Override
    protected void step() throws InterruptedException {
        Thread.sleep(interval.toMillis());
        int failed = builds.failOverdueBuilds();
        if (failed > 0) {
            log.warn("{} build(s) outlived their deadline and went to ERROR", failed);
        }
        int rescued = builds.rescueBuildsOnDownHosts();
        if (rescued > 0) {
            log.warn("{} build(s) were on hosts that went down and were taken from them", rescued);
        }
        int resent = actions.resendUnansweredDeletes(DELETE_RESEND_AFTER);
        if (resent > 0) {
            log.warn("{} delete(s) unanswered for {} were sent to their hosts again", resent, DELETE_RESEND_AFTER);
        }
    }
}
