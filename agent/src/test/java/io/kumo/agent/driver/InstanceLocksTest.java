package io.kumo.agent.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InstanceLocksTest {

    private final InstanceLocks locks = new InstanceLocks();

    @Test
    void operationsOnOneInstanceNeverOverlapAndNoLockOutlivesThem() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String uuid = "instance-" + (i % 3);
                done.add(threads.submit(() -> locks.withLock(uuid, () -> {
                    if (uuid.equals("instance-0") && inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    pause();
                    if (uuid.equals("instance-0")) {
                        inside.decrementAndGet();
                    }
                    return null;
                })));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(overlaps).hasValue(0);
        assertThat(locks.size()).isZero();
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailingOperationReleasesItsLock() {
        try {
            locks.withLock("x", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the caller sees the failure
        }
        assertThat(locks.size()).isZero();
        assertThat(locks.withLock("x", () -> "again")).isEqualTo("again");
    }
}
