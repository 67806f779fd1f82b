package io.kumo.agent.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.agent.AgentFixtures;
import io.kumo.agent.RecordingHostEvents;
import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.AttachedVolume;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.agent.driver.fake.FakeDriver;
import io.kumo.agent.driver.fake.FakeDriverSettings;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.VolumeAttachmentCommand;
import io.kumo.common.contract.host.VolumeAttachmentCommand.Action;
import io.kumo.common.contract.host.VolumeAttachmentCommand.VolumeConnection;
import io.kumo.common.contract.host.VolumeAttachmentDone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeAttachmentHandlerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path volumes;

    private final RecordingHostEvents events = new RecordingHostEvents();
    private final FakeDriver driver = new FakeDriver(FakeDriverSettings.defaults());
    private final ServedHost host = ServedHost.of("compute-7", "nova", "192.0.2.7", driver);
    private final BuildServer build = AgentFixtures.build("compute-7", "web-1", 1);
    private final VolumeAttachmentHandler handler = new VolumeAttachmentHandler(events, CLOCK);

    @Test
    void anAttachAndADetachAreAnsweredWithTheVolumeAndDeviceAndChangeTheInstance() throws IOException {
        driver.spawn(build);
        Path file = Files.createFile(volumes.resolve("volume-v1"));

        handler.handle(command(Action.ATTACH, "v1", file), host);
        handler.handle(command(Action.ATTACH, "v1", file), host);

        assertThat(events.batches()).first().satisfies(batch -> assertThat(batch).containsExactly(HostEvent.of(
                new VolumeAttachmentDone(build.instanceUuid(), "compute-7", Action.ATTACH, "v1", "/dev/vdb", "req-1",
                        null, NOW))));
        assertThat(events.payloads(VolumeAttachmentDone.class)).extracting(VolumeAttachmentDone::error)
                .as("attaching it again is no error").containsOnlyNulls();
        assertThat(driver.instances()).singleElement().extracting(InstanceInfo::volumes).asList()
                .containsExactly(new AttachedVolume("v1", "/dev/vdb", file.toString(), "raw"));

        handler.handle(command(Action.DETACH, "v1", null), host);
        handler.handle(command(Action.DETACH, "v1", null), host);

        assertThat(events.payloads(VolumeAttachmentDone.class)).hasSize(4).extracting(VolumeAttachmentDone::error)
                .containsOnlyNulls();
        assertThat(driver.instances()).singleElement().extracting(InstanceInfo::volumes).asList().isEmpty();
    }

    @Test
    void whatTheHostCannotDoIsTheAnswersErrorNeverAnException() {
        driver.spawn(build);

        handler.handle(command(Action.ATTACH, "v2", volumes.resolve("not-here")), host);
        handler.handle(new VolumeAttachmentCommand(Action.ATTACH, build.instanceUuid(), "compute-7", "v3", "/dev/vdc",
                new VolumeConnection("iscsi", "iqn.2026-01.io.kumo:v3", "raw", "storage-1"), "req-2"), host);
        handler.handle(new VolumeAttachmentCommand(Action.ATTACH, "no-such-instance", "compute-7", "v4", "/dev/vdb",
                new VolumeConnection("local", volumes.toString(), "raw", "storage-1"), "req-3"), host);
        handler.notServed(command(Action.DETACH, "v5", null), "compute-9");

        assertThat(events.payloads(VolumeAttachmentDone.class)).extracting(VolumeAttachmentDone::error).containsExactly(
                "volume v2 is not at " + volumes.resolve("not-here") + " on this host",
                "this host cannot reach volumes of type iscsi",
                "instance no-such-instance is not on host compute-7",
                "host compute-9 is not served by this agent");
        assertThat(driver.instances()).singleElement().extracting(InstanceInfo::volumes).asList().isEmpty();
    }

    private VolumeAttachmentCommand command(Action action, String volumeId, Path file) {
        return new VolumeAttachmentCommand(action, build.instanceUuid(), "compute-7", volumeId, "/dev/vdb",
                file == null ? null : new VolumeConnection("local", file.toString(), "raw", "storage-1"), "req-1");
    }
}
