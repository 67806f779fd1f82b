package io.kumo.compute.application;

import io.kumo.common.lifecycle.BackgroundLoop;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every few seconds, builds past their deadline go to ERROR with a fault and release what they held. */
public class BuildDeadlines extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(BuildDeadlines.class);

    private final ServerBuilds builds;
    private final Duration interval;

    public BuildDeadlines(ServerBuilds builds, Duration interval) {
        super("build-deadlines");
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
    }
}
