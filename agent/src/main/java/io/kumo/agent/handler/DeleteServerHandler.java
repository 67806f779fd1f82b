package io.kumo.agent.handler;

import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.contract.host.ServerCommand;
import io.kumo.common.contract.network.PortStatusReported;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ServerCommand DELETE}: destroys the server, reports each of its ports DOWN, and answers NOSTATE.
 * Deleting a server that is not here succeeds: the goal (it does not run here) is reached, and a
 * redelivered DELETE, or one for a build that never happened, must not leave the server stuck in deleting.
 */
public final class DeleteServerHandler implements ServerActionHandler {

    private final HostEvents events;
    private final ActionAnswers answers;
    private final Clock clock;

    public DeleteServerHandler(HostEvents events, Clock clock) {
        this.events = events;
        this.answers = new ActionAnswers(events, clock);
        this.clock = clock;
    }

    @Override
    public Set<ServerCommand.Action> actions() {
        return EnumSet.of(ServerCommand.Action.DELETE);
    }

    @Override
    public void handle(ServerCommand command, ServedHost host) {
        Optional<InstanceInfo> destroyed = host.driver().destroy(command.instanceUuid());
        Instant now = clock.instant();
        List<HostEvent> outcome = new ArrayList<>();
        for (BuildServer.PortSpec port : destroyed.map(InstanceInfo::ports).orElse(List.of())) {
            outcome.add(HostEvent.of(new PortStatusReported(port.portId(), host.name(), PortStatusReported.DOWN, now)));
        }
        outcome.add(HostEvent.of(answers.done(command, host.name(), PowerState.NOSTATE, null)));
        events.publish(outcome);
    }
}
