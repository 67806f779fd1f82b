package io.kumo.agent.handler;

import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.contract.host.ServerActionDone;
import io.kumo.common.contract.host.ServerCommand;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ServerActionDone} of a power action: the instance's power state afterwards, or, when the
 * instance is not on the host, an error saying so (compute-service's view of where it runs is wrong, and
 * an operator needs to know which host was asked).
 */
final class ActionAnswers {

    private final HostEvents events;
    private final Clock clock;

    ActionAnswers(HostEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void answer(ServerCommand command, String host, Optional<InstanceInfo> outcome) {
        ServerActionDone done = outcome
                .map(instance -> done(command, host, instance.powerState(), null))
                .orElseGet(() -> notOnHost(command, host));
        events.publish(List.of(HostEvent.of(done)));
    }

    ServerActionDone done(ServerCommand command, String host, PowerState state, String error) {
        return done(command.instanceUuid(), host, command.action(), command.actionId(), state, error);
    }

    ServerActionDone done(String instanceUuid, String host, ServerCommand.Action action, String actionId,
            PowerState state, String error) {
        return new ServerActionDone(instanceUuid, host, action, actionId, state, error, clock.instant());
    }

    ServerActionDone notOnHost(ServerCommand command, String host) {
        return notOnHost(command.instanceUuid(), host, command.action(), command.actionId());
    }

    ServerActionDone notOnHost(String instanceUuid, String host, ServerCommand.Action action, String actionId) {
        return done(instanceUuid, host, action, actionId, PowerState.NOSTATE, notOnHostMessage(instanceUuid, host));
    }

    static String notOnHostMessage(String instanceUuid, String host) {
        return "instance " + instanceUuid + " is not on host " + host;
    }
}
