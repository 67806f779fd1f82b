package io.kumo.agent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kumo.agent.RecordingHostEvents;
import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.volume.FileVolumeBackend;
import io.kumo.agent.volume.StorageHost;
import io.kumo.common.contract.volume.StorageAnnounced;
import io.kumo.common.contract.volume.StoragePool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageAnnouncementLoopTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final RecordingHostEvents events = new RecordingHostEvents();

    @Test
    void theStorageHostAnnouncesEachBackendWithItsSpaceUnderStorageAnnounced() {
        StorageHost storage = new StorageHost("store-1", "az-1", List.of(
                new FileVolumeBackend("gold", dir, Duration.ofMinutes(1)),
                new FileVolumeBackend("silver", dir, Duration.ofMinutes(1))));
        StorageAnnouncementLoop loop = new StorageAnnouncementLoop(storage, events, CLOCK, Duration.ofSeconds(30));

        assertThat(loop.isAutoStartup()).isTrue();
        assertThat(loop.round()).as("confirmed: again after the interval").isEqualTo(Duration.ofSeconds(30));

        assertThat(events.batches()).singleElement().satisfies(batch -> assertThat(batch).singleElement()
                .extracting(HostEvent::routingKey).isEqualTo("storage.announced"));
        StorageAnnounced announced = events.payloads(StorageAnnounced.class).get(0);
        assertThat(announced.host()).isEqualTo("store-1");
        assertThat(announced.availabilityZone()).isEqualTo("az-1");
        assertThat(announced.at()).isEqualTo(CLOCK.instant());
        assertThat(announced.pools()).extracting(StoragePool::backend, StoragePool::driver)
                .containsExactly(tuple("gold", "file"), tuple("silver", "file"));
        assertThat(announced.pools()).allSatisfy(pool -> assertThat(pool.capacityGb()).isPositive());
    }

    @Test
    void anUnconfirmedAnnouncementIsOfferedAgainAfterFiveSecondsNotAWholeInterval() {
        StorageHost storage = new StorageHost("store-1", "az-1",
                List.of(new FileVolumeBackend("gold", dir, Duration.ofMinutes(1))));
        events.confirmOffers(false);

        assertThat(new StorageAnnouncementLoop(storage, events, CLOCK, Duration.ofSeconds(30)).round())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(new StorageAnnouncementLoop(storage, events, CLOCK, Duration.ofSeconds(2)).round())
                .as("an interval shorter than that stays").isEqualTo(Duration.ofSeconds(2));
        events.confirmOffers(true);
        assertThat(new StorageAnnouncementLoop(storage, events, CLOCK, Duration.ofMinutes(10)).round())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(events.payloads(StorageAnnounced.class)).hasSize(3);
    }

    @Test
    void anAgentWithoutBackendsIsNoStorageHostAndNeverAnnounces() {
        StorageAnnouncementLoop loop = new StorageAnnouncementLoop(new StorageHost("h", "nova", List.of()), events,
                CLOCK, Duration.ofSeconds(30));

        assertThat(loop.isAutoStartup()).isFalse();
        assertThat(events.batches()).isEmpty();
    }
}
