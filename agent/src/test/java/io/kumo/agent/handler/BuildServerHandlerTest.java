package io.kumo.agent.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.agent.AgentFixtures;
import io.kumo.agent.RecordingHostEvents;
import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.fake.FakeDriver;
import io.kumo.agent.driver.fake.FakeDriverSettings;
import io.kumo.common.contract.host.BuildFailed;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.contract.host.ServerSpawned;
import io.kumo.common.contract.network.PortStatusReported;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildServerHandlerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final RecordingHostEvents events = new RecordingHostEvents();
    private final FakeDriver driver = new FakeDriver(FakeDriverSettings.defaults().withFailBuildNames(".*fail.*"));
    private final ServedHost host = ServedHost.of("compute-7", "nova", "192.0.2.7", driver);
    private final BuildServerHandler handler = new BuildServerHandler(events, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aBuildReportsEachPortActiveThenTheServerSpawnedInOneConfirmedBatch() {
        BuildServer build = AgentFixtures.build("instance-1", "compute-7", "web-1", 2, 3);

        handler.handle(build, host);

        assertThat(events.batches()).hasSize(1);
        List<HostEvent> batch = events.batches().get(0);
        assertThat(batch).extracting(HostEvent::routingKey)
                .containsExactly("port.status", "port.status", "server.spawned");
        assertThat(events.payloads(PortStatusReported.class)).containsExactly(
                new PortStatusReported(build.ports().get(0).portId(), "compute-7", "ACTIVE", NOW),
                new PortStatusReported(build.ports().get(1).portId(), "compute-7", "ACTIVE", NOW));
        assertThat(events.payloads(ServerSpawned.class)).containsExactly(
                new ServerSpawned("instance-1", "compute-7", 3, PowerState.RUNNING, "req-instance-1", NOW));
        assertThat(driver.instances()).hasSize(1);
    }

    @Test
    void aRedeliveredBuildAnswersAgainWithoutASecondInstance() {
        BuildServer build = AgentFixtures.build("instance-1", "compute-7", "web-1", 1, 1);
        handler.handle(build, host);

        handler.handle(build, host);

        assertThat(events.payloads(ServerSpawned.class)).hasSize(2);
        assertThat(events.payloads(PortStatusReported.class)).hasSize(2);
        assertThat(driver.instances()).hasSize(1);
    }

    @Test
    void aFailedBuildAnswersBuildFailedWithTheDriversReasonAndNoPortGoesActive() {
        BuildServer build = AgentFixtures.build("instance-2", "compute-7", "will-fail", 2, 2);

        handler.handle(build, host);

        assertThat(events.payloads()).containsExactly(new BuildFailed("instance-2", "compute-7", 2,
                "fake driver: build failure injected for will-fail", true, "req-instance-2", NOW));
        assertThat(events.batches().get(0)).extracting(HostEvent::routingKey).containsExactly("server.build-failed");
        assertThat(driver.instances()).isEmpty();
    }

    @Test
    void aHypervisorTypeTheHostDoesNotRunFailsRetryablySoAnotherHostIsTried() {
        BuildServer qemu = AgentFixtures.build("instance-3", "compute-7", "vm", 1, 1);
        BuildServer kvm = new BuildServer(qemu.instanceUuid(), qemu.host(), qemu.projectId(), qemu.name(),
                qemu.hostname(), qemu.flavor(), qemu.image(), "kvm", qemu.ports(), qemu.configDrive(), 1,
                qemu.requestId());

        handler.handle(kvm, host);

        BuildFailed failed = events.payloads(BuildFailed.class).get(0);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).isEqualTo(
                "host compute-7 does not run hypervisor type 'kvm' (it offers qemu, container)");
        assertThat(driver.instances()).isEmpty();
    }
}
