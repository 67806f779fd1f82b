package io.kumo.volume.application;

import io.kumo.common.lifecycle.BackgroundLoop;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every few seconds, no volume or snapshot stays creating, extending or deleting past its deadline. */
public class VolumeWatchdog extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(VolumeWatchdog.class);

    private final VolumeTasks tasks;
    private final Duration interval;

    public VolumeWatchdog(VolumeTasks tasks, Duration interval) {
        super("volume-watchdog");
        this.tasks = tasks;
        this.interval = interval;
    }

    @Override
    protected void step() throws InterruptedException {
        Thread.sleep(interval.toMillis());
        int failed = tasks.failOverdue();
        if (failed > 0) {
            log.warn("{} volume or snapshot task(s) outlived their deadline and failed", failed);
        }
    }
}
