package io.kumo.compute.application;

import io.kumo.common.lifecycle.BackgroundLoop;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few seconds, no build stays stuck: builds past their deadline go to ERROR with a fault and
 * release what they held, and builds on a host that went down are taken from it (rescheduled while
 * attempts remain) without waiting for the deadline.
 */
public class BuildWatchdog extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(BuildWatchdog.class);

    private final ServerBuilds builds;
    private final Duration interval;

    public BuildWatchdog(ServerBuilds builds, Duration interval) {
        super("build-watchdog");
        this.builds = builds;
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
    }
}
