package io.kumo.agent.handler;

import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.HostEvents;
import io.kumo.common.contract.host.BuildFailed;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.RebuildServer;
import io.kumo.common.contract.host.ServerCommand;
import java.time.Clock;
import java.util.List;

/**
 * A command for a host this process does not serve. It happens when the process was restarted serving
 * fewer hosts: its durable queue keeps the old routing-key bindings (RabbitMQ only adds them). Answering
 * beats dropping: compute-service reschedules the build, or records the failed action, instead of waiting
 * for its deadline.
 */
public final class MisaddressedCommandHandler {

    private final HostEvents events;
    private final ActionAnswers answers;
    private final Clock clock;

    public MisaddressedCommandHandler(HostEvents events, Clock clock) {
        this.events = events;
        this.answers = new ActionAnswers(events, clock);
        this.clock = clock;
    }

    public void handle(BuildServer command, String host) {
        events.publish(List.of(HostEvent.of(new BuildFailed(command.instanceUuid(), host, command.attempt(),
                "host " + host + " is not served by this agent", true, command.requestId(), clock.instant()))));
    }

    public void handle(ServerCommand command, String host) {
        events.publish(List.of(HostEvent.of(answers.notOnHost(command, host))));
    }

    public void handle(RebuildServer command, String host) {
        events.publish(List.of(HostEvent.of(answers.notOnHost(command.instanceUuid(), host,
                ServerCommand.Action.REBUILD, command.actionId()))));
    }
}
