package io.kumo.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringSnapshotTest {

    @Test
    void keepsALoadUntilInvalidated() {
        AtomicInteger loads = new AtomicInteger();
        ExpiringSnapshot<Integer> snapshot = new ExpiringSnapshot<>(Duration.ofMinutes(1), loads::incrementAndGet);
        assertThat(snapshot.get()).isEqualTo(1);
        assertThat(snapshot.get()).isEqualTo(1);
        snapshot.invalidate();
        assertThat(snapshot.get()).isEqualTo(2);
    }

    /** The bootstrap race: a read began before the bootstrap committed and finished after its invalidation. */
    @Test
    void aLoadOvertakenByAnInvalidationIsNotKept() {
        AtomicInteger loads = new AtomicInteger();
        ExpiringSnapshot<Integer>[] holder = new ExpiringSnapshot[1];
        holder[0] = new ExpiringSnapshot<>(Duration.ofMinutes(1), () -> {
            int n = loads.incrementAndGet();
            if (n == 1) {
                holder[0].invalidate(); // the commit and its invalidation land while this load runs
            }
            return n;
        });
        assertThat(holder[0].get()).as("the racing caller still gets what it read").isEqualTo(1);
        assertThat(holder[0].get()).as("but the next caller reads again").isEqualTo(2);
        assertThat(holder[0].get()).isEqualTo(2);
    }
}
