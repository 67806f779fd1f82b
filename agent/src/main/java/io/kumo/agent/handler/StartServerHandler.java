package io.kumo.agent.handler;

import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.domain.ServedHost;
import io.kumo.common.contract.host.ServerCommand;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/** {@code ServerCommand START}: powers a server on; starting a running one is a no-op that answers RUNNING. */
public final class StartServerHandler implements ServerActionHandler {

    private final ActionAnswers answers;

    public StartServerHandler(HostEvents events, Clock clock) {
        this.answers = new ActionAnswers(events, clock);
    }

    @Override
    public Set<ServerCommand.Action> actions() {
        return EnumSet.of(ServerCommand.Action.START);
    }

    @Override
    public void handle(ServerCommand command, ServedHost host) {
        answers.answer(command, host.name(), host.driver().powerOn(command.instanceUuid()));
    }
}
