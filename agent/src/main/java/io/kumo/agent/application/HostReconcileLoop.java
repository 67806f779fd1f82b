package io.kumo.agent.application;

import io.kumo.common.lifecycle.BackgroundLoop;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The agent's reconcilers on a thread of their own, every {@code agent.power-sync-interval}: the
 * {@link PowerStateSync} (what guests did by themselves), then the {@link OrphanReconciler} (guests no
 * record accounts for).
 */
public final class HostReconcileLoop extends BackgroundLoop {

    private final PowerStateSync powerStates;
    private final OrphanReconciler orphans;
    private final Duration interval;
    private final Semaphore stopSignal = new Semaphore(0);

    public HostReconcileLoop(PowerStateSync powerStates, OrphanReconciler orphans, Duration interval) {
        super("host-reconcilers");
        this.powerStates = powerStates;
        this.orphans = orphans;
        this.interval = interval;
    }

    @Override
    protected void step() throws InterruptedException {
        try {
            powerStates.syncOnce();
        } finally {
            orphans.reconcileOnce();
        }
        stopSignal.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void onStopRequested() {
        stopSignal.release();
    }
}
