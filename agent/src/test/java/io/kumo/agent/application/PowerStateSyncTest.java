package io.kumo.agent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kumo.agent.AgentFixtures;
import io.kumo.agent.RecordingHostEvents;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.fake.FakeDriver;
import io.kumo.agent.driver.fake.FakeDriverSettings;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.InstancePowerChanged;
import io.kumo.common.contract.host.PowerState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerStateSyncTest {

    private final RecordingHostEvents events = new RecordingHostEvents();
    private final FakeDriver driver = new FakeDriver(FakeDriverSettings.defaults());
    private final ServedHosts hosts = new ServedHosts(List.of(ServedHost.of("sim-1", "nova", "192.0.2.9", driver)));
    private final PowerStateSync sync = new PowerStateSync(hosts, events,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void everyInstanceIsReportedOnTheFirstRoundThenOnlyChanges() {
        BuildServer one = AgentFixtures.build("sim-1", "one", 1);
        BuildServer two = AgentFixtures.build("sim-1", "two", 1);
        driver.spawn(one);
        driver.spawn(two);

        assertThat(sync.syncOnce()).as("after a start: everything, a guest may have stopped meanwhile").isEqualTo(2);
        assertThat(sync.syncOnce()).as("nothing changed").isZero();

        driver.powerOff(one.instanceUuid()); // the guest shut itself down
        assertThat(sync.syncOnce()).isEqualTo(1);
        assertThat(events.payloads(InstancePowerChanged.class)).last()
                .extracting(InstancePowerChanged::instanceUuid, InstancePowerChanged::host,
                        InstancePowerChanged::powerState, InstancePowerChanged::observedAt)
                .containsExactly(one.instanceUuid(), "sim-1", PowerState.SHUTDOWN, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aReportTheBrokerDidNotConfirmIsSentAgainNextRound() {
        BuildServer one = AgentFixtures.build("sim-1", "one", 1);
        driver.spawn(one);
        sync.syncOnce();

        driver.powerOff(one.instanceUuid());
        events.confirmOffers(false);
        assertThat(sync.syncOnce()).isZero();
        events.confirmOffers(true);
        assertThat(sync.syncOnce()).isEqualTo(1);

        assertThat(events.payloads(InstancePowerChanged.class)).extracting(InstancePowerChanged::powerState)
                .containsExactly(PowerState.RUNNING, PowerState.SHUTDOWN, PowerState.SHUTDOWN);
    }

    @Test
    void aDeletedInstanceIsForgottenAndAnInstanceMadeAgainIsReportedAgain() {
        BuildServer one = AgentFixtures.build("sim-1", "one", 1);
        driver.spawn(one);
        sync.syncOnce();
        driver.destroy(one.instanceUuid());
        assertThat(sync.syncOnce()).isZero();

        driver.spawn(one);
        assertThat(sync.syncOnce()).isEqualTo(1);
        assertThat(events.payloads(InstancePowerChanged.class)).extracting(InstancePowerChanged::instanceUuid,
                InstancePowerChanged::powerState).containsExactly(tuple(one.instanceUuid(), PowerState.RUNNING),
                tuple(one.instanceUuid(), PowerState.RUNNING));
    }
}
