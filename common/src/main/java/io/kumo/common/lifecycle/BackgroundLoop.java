package io.kumo.common.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A named daemon thread that repeats one step while the application runs (outbox relay, audit
 * writer). A failing step is logged and retried after a pause instead of killing the thread; stopping
 * lets the current step finish, then runs {@link #afterLoop()} (e.g. to flush) within a bounded wait.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);
    private static final long RETRY_PAUSE_MS = 1000;
    private static final long STOP_WAIT_MS = 10_000;

    private final String name;
    private volatile boolean running;
    private volatile Thread thread;

    protected BackgroundLoop(String name) {
        this.name = name;
    }

    /** One step; should wait (bounded) for work rather than spin. */
    protected abstract void step() throws InterruptedException;

    /** Runs once on the loop's thread after it was asked to stop. */
    protected void afterLoop() {
    }

    /** Asked to stop: wake the loop if it waits for work. */
    protected void onStopRequested() {
    }

    protected boolean isStopping() {
        return !running;
    }

    private void loop() {
        while (running) {
            try {
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.warn("{} step failed, retrying in {} ms: {}", name, RETRY_PAUSE_MS, e.toString());
                pause();
            }
        }
        afterLoop();
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        Thread worker = new Thread(this::loop, name);
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        onStopRequested();
        Thread worker = thread;
        if (worker != null) {
            try {
                worker.join(STOP_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
