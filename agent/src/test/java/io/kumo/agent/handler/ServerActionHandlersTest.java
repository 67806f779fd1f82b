package io.kumo.agent.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kumo.agent.AgentFixtures;
import io.kumo.agent.RecordingHostEvents;
import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.agent.driver.fake.FakeDriver;
import io.kumo.agent.driver.fake.FakeDriverSettings;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.contract.host.ServerActionDone;
import io.kumo.common.contract.host.ServerCommand;
import io.kumo.common.contract.host.ServerCommand.Action;
import io.kumo.common.contract.network.PortStatusReported;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServerActionHandlersTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final RecordingHostEvents events = new RecordingHostEvents();
    private final FakeDriver driver = new FakeDriver(FakeDriverSettings.defaults());
    private final ServedHost host = ServedHost.of("compute-7", "nova", "192.0.2.7", driver);
    private final BuildServer build = AgentFixtures.build("compute-7", "web-1", 2);

    @Test
    void stopStartAndRebootAnswerThePowerStateTheyReached() {
        driver.spawn(build);

        assertThat(act(new StopServerHandler(events, CLOCK), Action.STOP).powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(act(new StopServerHandler(events, CLOCK), Action.STOP).powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(act(new StartServerHandler(events, CLOCK), Action.START).powerState()).isEqualTo(PowerState.RUNNING);
        act(new StopServerHandler(events, CLOCK), Action.STOP);
        assertThat(act(new RebootServerHandler(events, CLOCK), Action.REBOOT_HARD).powerState())
                .isEqualTo(PowerState.RUNNING);
        assertThat(act(new RebootServerHandler(events, CLOCK), Action.REBOOT_SOFT).powerState())
                .isEqualTo(PowerState.RUNNING);
        assertThat(events.payloads(ServerActionDone.class)).extracting(ServerActionDone::error).containsOnlyNulls();
        assertThat(driver.instances()).extracting(InstanceInfo::powerState).containsExactly(PowerState.RUNNING);
    }

    @Test
    void theAnswerEchoesTheActionAndItsIdForCompute() {
        driver.spawn(build);
        ServerCommand stop = AgentFixtures.command(build.instanceUuid(), "compute-7", Action.STOP);

        new StopServerHandler(events, CLOCK).handle(stop, host);

        assertThat(events.batches()).singleElement().satisfies(batch -> assertThat(batch)
                .containsExactly(HostEvent.of(new ServerActionDone(build.instanceUuid(), "compute-7", Action.STOP,
                        stop.actionId(), PowerState.SHUTDOWN, null, NOW))));
    }

    @Test
    void powerActionsOnAnInstanceNotOnTheHostAnswerAnErrorNamingTheHost() {
        String unknown = UUID.randomUUID().toString();
        for (ServerActionHandler handler : List.of(new StartServerHandler(events, CLOCK),
                new StopServerHandler(events, CLOCK), new RebootServerHandler(events, CLOCK))) {
            Action action = handler.actions().iterator().next();
            handler.handle(AgentFixtures.command(unknown, "compute-7", action), host);
        }

        assertThat(events.payloads(ServerActionDone.class)).hasSize(3).allSatisfy(done -> {
            assertThat(done.error()).isEqualTo("instance " + unknown + " is not on host compute-7");
            assertThat(done.powerState()).isEqualTo(PowerState.NOSTATE);
        });
        assertThat(driver.instances()).isEmpty();
    }

    @Test
    void deleteReportsEachPortDownThenNostateAndSucceedsAgainOnceGone() {
        driver.spawn(build);
        DeleteServerHandler delete = new DeleteServerHandler(events, CLOCK);
        ServerCommand command = AgentFixtures.command(build.instanceUuid(), "compute-7", Action.DELETE);

        delete.handle(command, host);

        assertThat(events.batches()).singleElement().satisfies(batch -> assertThat(batch)
                .extracting(HostEvent::routingKey).containsExactly("port.status", "port.status", "server.action-done"));
        assertThat(events.payloads(PortStatusReported.class)).extracting(PortStatusReported::portId, PortStatusReported::status)
                .containsExactly(tuple(build.ports().get(0).portId(), "DOWN"),
                        tuple(build.ports().get(1).portId(), "DOWN"));
        assertThat(driver.instances()).isEmpty();

        events.clear();
        delete.handle(command, host);

        assertThat(events.payloads()).containsExactly(new ServerActionDone(build.instanceUuid(), "compute-7",
                Action.DELETE, command.actionId(), PowerState.NOSTATE, null, NOW));
    }

    private ServerActionDone act(ServerActionHandler handler, Action action) {
        handler.handle(AgentFixtures.command(build.instanceUuid(), "compute-7", action), host);
        List<ServerActionDone> answers = events.payloads(ServerActionDone.class);
        ServerActionDone last = answers.get(answers.size() - 1);
        assertThat(last.action()).isEqualTo(action);
        return last;
    }
}
