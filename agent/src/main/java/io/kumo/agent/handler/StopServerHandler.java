package io.kumo.agent.handler;

import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.domain.ServedHost;
import io.kumo.common.contract.host.ServerCommand;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/** {@code ServerCommand STOP}: powers a server off; stopping a stopped one is fine and answers SHUTDOWN, so a redelivered STOP is harmless. */
public final class StopServerHandler implements ServerActionHandler {

    private final ActionAnswers answers;

    public StopServerHandler(HostEvents events, Clock clock) {
        this.answers = new ActionAnswers(events, clock);
    }

    @Override
    public Set<ServerCommand.Action> actions() {
        return EnumSet.of(ServerCommand.Action.STOP);
    }

    @Override
    public void handle(ServerCommand command, ServedHost host) {
        answers.answer(command, host.name(), host.driver().powerOff(command.instanceUuid()));
    }
}
