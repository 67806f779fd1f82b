package io.kumo.agent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kumo.agent.AgentFixtures;
import io.kumo.agent.RecordingHostEvents;
import io.kumo.agent.domain.HostReplies;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.agent.driver.fake.FakeDriver;
import io.kumo.agent.driver.fake.FakeDriverSettings;
import io.kumo.agent.handler.BuildServerHandler;
import io.kumo.agent.handler.ConsoleOutputHandler;
import io.kumo.agent.handler.DeleteServerHandler;
import io.kumo.agent.handler.DiagnosticsHandler;
import io.kumo.agent.handler.MisaddressedCommandHandler;
import io.kumo.agent.handler.RebootServerHandler;
import io.kumo.agent.handler.RebuildServerHandler;
import io.kumo.agent.handler.ServerActionHandler;
import io.kumo.agent.handler.StartServerHandler;
import io.kumo.agent.handler.StopServerHandler;
import io.kumo.agent.handler.VolumeAttachmentHandler;
import io.kumo.agent.handler.VolumeCommandHandler;
import io.kumo.agent.volume.FileVolumeBackend;
import io.kumo.agent.volume.StorageHost;
import io.kumo.agent.volume.VolumeImages;
import io.kumo.agent.volume.VolumeTasks;
import io.kumo.common.contract.host.BuildFailed;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.ConsoleOutput;
import io.kumo.common.contract.host.Diagnostics;
import io.kumo.common.contract.host.GetConsoleOutput;
import io.kumo.common.contract.host.GetDiagnostics;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.contract.host.RebuildServer;
import io.kumo.common.contract.host.ServerActionDone;
import io.kumo.common.contract.host.ServerCommand.Action;
import io.kumo.common.contract.host.ServerCommand;
import io.kumo.common.contract.host.ServerSpawned;
import io.kumo.common.contract.volume.VolumeCommand;
import io.kumo.common.contract.volume.VolumeSource;
import io.kumo.common.contract.volume.VolumeTaskDone;
import io.kumo.common.messaging.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandDispatcherTest {

    private final Clock clock = Clock.systemUTC();
    private final MessageCodec codec = new MessageCodec();
    private final RecordingHostEvents events = new RecordingHostEvents();
    private final FakeDriver one = new FakeDriver(FakeDriverSettings.defaults());
    private final FakeDriver two = new FakeDriver(FakeDriverSettings.defaults());
    private final ServedHosts hosts = new ServedHosts(List.of(ServedHost.of("h-1", "nova", "192.0.2.1", one),
            ServedHost.of("h-2", "nova", "192.0.2.1", two)));
    private final List<Object[]> replies = new ArrayList<>();
    private final HostReplies replySink = (to, payload) -> replies.add(new Object[] {to, payload});

    /** Shared by the tests' storage hosts; static, so it exists before the fields below are made. */
    @TempDir
    static Path volumes;

    private final StorageHost storage = new StorageHost("h-1", "nova",
            List.of(new FileVolumeBackend("files", volumes, Duration.ofMinutes(1))));

    private final CommandDispatcher dispatcher = new CommandDispatcher(hosts, codec, handlers(allActionHandlers()),
            replySink, clock);

    private CommandDispatcher.Handlers handlers(List<ServerActionHandler> actionHandlers) {
        return new CommandDispatcher.Handlers(new BuildServerHandler(events, clock), actionHandlers,
                new RebuildServerHandler(events, clock), new ConsoleOutputHandler(), new DiagnosticsHandler(),
                new MisaddressedCommandHandler(events, clock), new VolumeCommandHandler(storage,
                        new VolumeTasks(new VolumeImages(() -> {
                            throw new AssertionError("no image is read");
                        }, volumes.resolve("images"), 1 << 30, clock)), events, clock),
                new VolumeAttachmentHandler(events, clock));
    }

    private List<ServerActionHandler> allActionHandlers() {
        return List.of(new StartServerHandler(events, clock), new StopServerHandler(events, clock),
                new RebootServerHandler(events, clock), new DeleteServerHandler(events, clock));
    }

    @Test
    void aBuildGoesToTheDriverOfTheHostItNames() {
        BuildServer build = AgentFixtures.build("h-2", "web-1", 1);

        dispatcher.dispatch("BuildServer", json(build), "h-2");

        assertThat(one.instances()).isEmpty();
        assertThat(two.instances()).extracting(InstanceInfo::uuid).containsExactly(build.instanceUuid());
        assertThat(events.payloads(ServerSpawned.class)).extracting(ServerSpawned::host).containsExactly("h-2");
    }

    @Test
    void serverCommandsAreRoutedByTheirAction() {
        BuildServer build = AgentFixtures.build("h-1", "web-1", 0);
        dispatcher.dispatch("BuildServer", json(build), "h-1");

        for (Action action : List.of(Action.STOP, Action.START, Action.STOP, Action.REBOOT_SOFT, Action.DELETE)) {
            dispatcher.dispatch("ServerCommand", json(AgentFixtures.command(build.instanceUuid(), "h-1", action)),
                    "h-1");
        }

        assertThat(events.payloads(ServerActionDone.class)).extracting(ServerActionDone::action,
                ServerActionDone::powerState).containsExactly(
                        tuple(Action.STOP, PowerState.SHUTDOWN),
                        tuple(Action.START, PowerState.RUNNING),
                        tuple(Action.STOP, PowerState.SHUTDOWN),
                        tuple(Action.REBOOT_SOFT, PowerState.RUNNING),
                        tuple(Action.DELETE, PowerState.NOSTATE));
        assertThat(one.instances()).isEmpty();
    }

    @Test
    void aRebuildGoesToTheHostsDriverAndIsAnsweredAsARebuildAction() {
        BuildServer build = AgentFixtures.build("h-1", "web-1", 1);
        dispatcher.dispatch("BuildServer", json(build), "h-1");
        BuildServer next = AgentFixtures.rebuilt(build, "web-2", "img-2");

        dispatcher.dispatch("RebuildServer", json(new RebuildServer(build.instanceUuid(), "h-1", next, false,
                "req-rebuild")), "h-1");
        dispatcher.dispatch("RebuildServer", json(new RebuildServer(build.instanceUuid(), "h-2", next, false,
                "req-elsewhere")), "h-2");

        assertThat(events.payloads(ServerActionDone.class)).extracting(ServerActionDone::action,
                ServerActionDone::actionId, ServerActionDone::powerState, ServerActionDone::error).containsExactly(
                        tuple(Action.REBUILD, "req-rebuild", PowerState.RUNNING, null),
                        tuple(Action.REBUILD, "req-elsewhere", PowerState.NOSTATE,
                                "instance " + build.instanceUuid() + " is not on host h-2"));
        assertThat(one.instances()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("web-2");
            assertThat(i.image().id()).isEqualTo("img-2");
            assertThat(i.ports()).isEqualTo(build.ports());
        });
    }

    @Test
    void aRebuildIsNotAServerCommandAction() {
        ServerCommand wrong = AgentFixtures.command(UUID.randomUUID().toString(), "h-1", Action.REBUILD);

        assertThatThrownBy(() -> dispatcher.dispatch("ServerCommand", json(wrong), "h-1"))
                .hasMessageContaining("names no action a ServerCommand carries: REBUILD");
    }

    @Test
    void consoleOutputIsRepliedToTheRequestersQueueWithItsCorrelationIdUnlessItExpired() {
        BuildServer build = AgentFixtures.build("h-1", "web-1", 1);
        dispatcher.dispatch("BuildServer", json(build), "h-1");
        HostReplies.ReplyAddress address = new HostReplies.ReplyAddress("amq.gen-reply", "corr-1");

        dispatcher.dispatch(new CommandDispatcher.Delivery("GetConsoleOutput",
                json(new GetConsoleOutput(build.instanceUuid(), "h-1", 2, soon())), "h-1", address));
        dispatcher.dispatch(new CommandDispatcher.Delivery("GetConsoleOutput",
                json(new GetConsoleOutput(build.instanceUuid(), "h-9", null, soon())), "h-9", address));
        dispatcher.dispatch(new CommandDispatcher.Delivery("GetConsoleOutput",
                json(new GetConsoleOutput(build.instanceUuid(), "h-1", null, soon())), "h-1", null));
        dispatcher.dispatch(new CommandDispatcher.Delivery("GetConsoleOutput", json(new GetConsoleOutput(
                build.instanceUuid(), "h-1", null, clock.instant().minusSeconds(1))), "h-1", address));

        assertThat(replies).hasSize(2);
        assertThat(replies.get(0)[0]).isEqualTo(address);
        ConsoleOutput output = (ConsoleOutput) replies.get(0)[1];
        assertThat(output.error()).isNull();
        assertThat(output.output().lines()).hasSize(2).last().isEqualTo("web-1 login: ");
        assertThat(((ConsoleOutput) replies.get(1)[1]).error()).isEqualTo("host h-9 is not served by this agent");
        assertThat(events.payloads(ServerActionDone.class)).isEmpty();
    }

    @Test
    void diagnosticsAreWhatTheDriverReadsOrSayWhyNot() {
        BuildServer build = AgentFixtures.build("h-1", "web-1", 1);
        dispatcher.dispatch("BuildServer", json(build), "h-1");
        HostReplies.ReplyAddress address = new HostReplies.ReplyAddress("amq.gen-reply", "corr-2");

        dispatcher.dispatch(new CommandDispatcher.Delivery("GetDiagnostics",
                json(new GetDiagnostics(build.instanceUuid(), "h-1", soon())), "h-1", address));
        dispatcher.dispatch(new CommandDispatcher.Delivery("GetDiagnostics",
                json(new GetDiagnostics("no-such-instance", "h-1", soon())), "h-1", address));
        dispatcher.dispatch(new CommandDispatcher.Delivery("GetDiagnostics",
                json(new GetDiagnostics(build.instanceUuid(), "h-1", clock.instant().minusSeconds(1))), "h-1",
                address));

        assertThat(replies).hasSize(2);
        Diagnostics found = (Diagnostics) replies.get(0)[1];
        assertThat(found.error()).isNull();
        assertThat(found.driver()).isEqualTo("fake");
        assertThat(found.stats().running()).isTrue();
        assertThat(found.stats().memoryLimitBytes()).isEqualTo(build.flavor().memoryMb() * 1024L * 1024);
        assertThat(found.stats().nics()).extracting(n -> n.macAddress())
                .containsExactly(build.ports().get(0).macAddress());
        Diagnostics missing = (Diagnostics) replies.get(1)[1];
        assertThat(missing.stats()).isNull();
        assertThat(missing.error()).contains("no-such-instance");
    }

    @Test
    void aCommandWhoseBodyNamesNoHostGoesToTheHostOfItsRoutingKey() {
        BuildServer build = AgentFixtures.build(UUID.randomUUID().toString(), null, "web-1", 0, 1);

        dispatcher.dispatch("BuildServer", json(build), "h-1");

        assertThat(one.instances()).hasSize(1);
    }

    @Test
    void anUnknownMessageTypeIsDroppedWithoutAnAnswerOrAnError() {
        dispatcher.dispatch("ResizeServer", "{\"instanceUuid\": \"x\"}".getBytes(StandardCharsets.UTF_8), "h-1");
        dispatcher.dispatch(null, new byte[0], "h-1");

        assertThat(events.batches()).isEmpty();
    }

    @Test
    void aBrokenBodyOfAKnownTypeFailsSoItIsDeadLettered() {
        assertThatThrownBy(() -> dispatcher.dispatch("BuildServer", "not json".getBytes(StandardCharsets.UTF_8), "h-1"))
                .isInstanceOf(RuntimeException.class);
        assertThat(events.batches()).isEmpty();
    }

    @Test
    void commandsForAHostThisProcessDoesNotServeAreAnsweredAsFailures() {
        BuildServer build = AgentFixtures.build("h-9", "web-1", 1);
        dispatcher.dispatch("BuildServer", json(build), "h-9");
        ServerCommand stop = AgentFixtures.command(build.instanceUuid(), "h-9", Action.STOP);
        dispatcher.dispatch("ServerCommand", json(stop), "h-9");

        BuildFailed failed = events.payloads(BuildFailed.class).get(0);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).isEqualTo("host h-9 is not served by this agent");
        assertThat(events.payloads(ServerActionDone.class).get(0).error())
                .isEqualTo("instance " + build.instanceUuid() + " is not on host h-9");
        assertThat(one.instances()).isEmpty();
        assertThat(two.instances()).isEmpty();
    }

    @Test
    void everyActionNeedsExactlyOneHandlerBeforeTheAgentStarts() {
        List<ServerActionHandler> withoutDelete = List.of(new StartServerHandler(events, clock),
                new StopServerHandler(events, clock), new RebootServerHandler(events, clock));
        assertThatThrownBy(() -> new CommandDispatcher(hosts, codec, handlers(withoutDelete), replySink, clock))
                .hasMessage("No handler for ServerCommand [DELETE]");

        List<ServerActionHandler> twice = new ArrayList<>(allActionHandlers());
        twice.add(new StopServerHandler(events, clock));
        assertThatThrownBy(() -> new CommandDispatcher(hosts, codec, handlers(twice), replySink, clock))
                .hasMessage("ServerCommand STOP has two handlers: StopServerHandler and StopServerHandler");
    }

    @Test
    void aVolumeCommandGoesToTheStorageHostsBackendAndIsAnsweredWithTheVolumesLocation() {
        String volumeId = UUID.randomUUID().toString();

        dispatcher.dispatch("VolumeCommand", json(new VolumeCommand(VolumeCommand.Task.CREATE_VOLUME, "h-1", "files",
                volumeId, null, 1, VolumeSource.blank(), "req-1")), "h-1");
        dispatcher.dispatch("VolumeCommand", json(new VolumeCommand(VolumeCommand.Task.CREATE_VOLUME, null, "lvm",
                volumeId, null, 1, null, "req-2")), "h-1");
        dispatcher.dispatch("VolumeCommand", json(new VolumeCommand(VolumeCommand.Task.DELETE_VOLUME, "h-2", "files",
                volumeId, null, 0, null, "req-3")), "h-2");

        assertThat(events.batches()).allSatisfy(batch -> assertThat(batch).singleElement()
                .satisfies(event -> assertThat(event.routingKey()).isEqualTo("volume.task-done")));
        assertThat(events.payloads(VolumeTaskDone.class)).extracting(VolumeTaskDone::task, VolumeTaskDone::host,
                VolumeTaskDone::backend, VolumeTaskDone::location, VolumeTaskDone::error).containsExactly(
                        tuple(VolumeCommand.Task.CREATE_VOLUME, "h-1", "files",
                                volumes.resolve("volume-" + volumeId).toString(), null),
                        tuple(VolumeCommand.Task.CREATE_VOLUME, "h-1", "lvm", null,
                                "host h-1 has no volume backend 'lvm' (it has files)"),
                        tuple(VolumeCommand.Task.DELETE_VOLUME, "h-2", "files", null,
                                "host h-2 has no volume backend 'files'"));
        assertThat(volumes.resolve("volume-" + volumeId)).exists();
    }

    @Test
    void aVolumeCommandWithoutATaskIsBrokenAndFailsSoItIsDeadLettered() {
        assertThatThrownBy(() -> dispatcher.dispatch("VolumeCommand",
                "{\"volumeId\": \"x\", \"backend\": \"files\", \"sizeGb\": 1}".getBytes(StandardCharsets.UTF_8), "h-1"))
                .hasMessage("VolumeCommand for volume x names no task");
        assertThat(events.batches()).isEmpty();
    }

    private java.time.Instant soon() {
        return clock.instant().plusSeconds(10);
    }

    private byte[] json(Object command) {
        return codec.toJson(command).getBytes(StandardCharsets.UTF_8);
    }
}
