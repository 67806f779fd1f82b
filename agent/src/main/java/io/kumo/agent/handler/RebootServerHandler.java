package io.kumo.agent.handler;

import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.HypervisorDriver.RebootType;
import io.kumo.common.contract.host.ServerCommand;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code ServerCommand REBOOT_SOFT / REBOOT_HARD}: the server runs afterwards, even one that was stopped
 * (a hard reboot is how Nova users recover a stuck guest, so it must not depend on the current state).
 */
public final class RebootServerHandler implements ServerActionHandler {

    private final ActionAnswers answers;

    public RebootServerHandler(HostEvents events, Clock clock) {
        this.answers = new ActionAnswers(events, clock);
    }

    @Override
    public Set<ServerCommand.Action> actions() {
        return EnumSet.of(ServerCommand.Action.REBOOT_SOFT, ServerCommand.Action.REBOOT_HARD);
    }

    @Override
    public void handle(ServerCommand command, ServedHost host) {
        RebootType type = command.action() == ServerCommand.Action.REBOOT_HARD ? RebootType.HARD : RebootType.SOFT;
        answers.answer(command, host.name(), host.driver().reboot(command.instanceUuid(), type));
    }
}
