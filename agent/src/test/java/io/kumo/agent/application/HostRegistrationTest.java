package io.kumo.agent.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.agent.MutableClock;
import io.kumo.agent.RecordingHostEvents;
import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.fake.FakeDriver;
import io.kumo.agent.driver.fake.FakeDriverSettings;
import io.kumo.common.contract.host.HostAnnounced;
import io.kumo.common.contract.host.HostHeartbeat;
import io.kumo.common.contract.host.InventorySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HostRegistrationTest {

    private final RecordingHostEvents events = new RecordingHostEvents();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ServedHosts hosts = new ServedHosts(Stream.of("sim-1", "sim-2")
            .map(name -> ServedHost.of(name, "zone-a", "192.0.2.9", new FakeDriver(FakeDriverSettings.defaults()))).toList());
    private final HostRegistration registration = new HostRegistration(hosts, events, clock);

    @Test
    void eachHostIsAnnouncedWithItsStableProviderItsInventoryAndItsTraits() {
        assertThat(registration.announce()).isTrue();

        List<HostAnnounced> announced = events.payloads(HostAnnounced.class);
        assertThat(announced).extracting(HostAnnounced::host).containsExactly("sim-1", "sim-2");
        HostAnnounced first = announced.get(0);
        assertThat(first.providerUuid()).isEqualTo(UUID.nameUUIDFromBytes("kumo-host:sim-1".getBytes()).toString())
                .isNotEqualTo(announced.get(1).providerUuid());
        assertThat(first.availabilityZone()).isEqualTo("zone-a");
        assertThat(first.driver()).isEqualTo("fake");
        assertThat(first.traits()).containsExactly("COMPUTE_QEMU", "COMPUTE_CONTAINER");
        assertThat(first.inventories()).containsEntry("VCPU", InventorySpec.of(16, 0, 16.0))
                .containsEntry("MEMORY_MB", InventorySpec.of(65536, 0, 1.5))
                .containsEntry("DISK_GB", InventorySpec.of(1000, 0, 1.0));
        assertThat(first.facts().hostIp()).isEqualTo("192.0.2.9");
        assertThat(first.facts().hypervisorType()).isEqualTo("fake");
        assertThat(first.facts().hypervisorVersion()).isEqualTo(1000);
        assertThat(first.facts().cpuInfo()).contains("\"cores\": 16");
        assertThat(events.batches().get(0)).extracting(HostEvent::routingKey).containsOnly("host.announced");
    }

    @Test
    void eachHostHeartbeatsAndAnUnconfirmedRoundIsReported() {
        assertThat(registration.heartbeat()).isTrue();
        events.confirmOffers(false);
        assertThat(registration.heartbeat()).isFalse();

        assertThat(events.payloads(HostHeartbeat.class)).extracting(HostHeartbeat::host)
                .containsExactly("sim-1", "sim-2", "sim-1", "sim-2");
    }

    @Test
    void theLoopAnnouncesBeforeTheFirstHeartbeatThenOnlyWhenTheIntervalIsUp() throws Exception {
        RegistrationLoop loop = new RegistrationLoop(registration, clock, Duration.ofMinutes(10), Duration.ofMillis(1));

        loop.step();
        clock.advance(Duration.ofSeconds(10));
        loop.step();
        clock.advance(Duration.ofMinutes(10));
        loop.step();

        assertThat(events.batches()).extracting(batch -> batch.get(0).routingKey())
                .containsExactly("host.announced", "host.heartbeat", "host.heartbeat", "host.announced",
                        "host.heartbeat");
    }

    @Test
    void anAnnouncementTheBrokerDidNotConfirmIsRepeatedOnTheNextRound() throws Exception {
        RegistrationLoop loop = new RegistrationLoop(registration, clock, Duration.ofMinutes(10), Duration.ofMillis(1));
        events.confirmOffers(false);
        loop.step();
        events.confirmOffers(true);
        clock.advance(Duration.ofSeconds(10));
        loop.step();
        clock.advance(Duration.ofSeconds(10));
        loop.step();

        assertThat(events.payloads(HostAnnounced.class)).hasSize(4); // two rounds of two hosts, then none
    }
}
