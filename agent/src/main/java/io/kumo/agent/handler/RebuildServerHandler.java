package io.kumo.agent.handler;

import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.agent.driver.SpawnFailure;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.contract.host.RebuildServer;
import io.kumo.common.contract.host.ServerActionDone;
import io.kumo.common.contract.host.ServerCommand;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code RebuildServer}: the driver makes the instance anew from the new image, keeping its ports, and the
 * answer is a {@code ServerActionDone REBUILD} with the power state afterwards, or the driver's error (the
 * instance is then off, and compute-service puts the server in ERROR). A redelivered rebuild rebuilds again,
 * which ends in the same instance.
 */
public final class RebuildServerHandler {

    private static final Logger log = LoggerFactory.getLogger(RebuildServerHandler.class);

    private final HostEvents events;
    private final ActionAnswers answers;

    public RebuildServerHandler(HostEvents events, Clock clock) {
        this.events = events;
        this.answers = new ActionAnswers(events, clock);
    }

    public void handle(RebuildServer command, ServedHost host) {
        ServerActionDone done;
        String type = command.server().hypervisorType();
        if (!host.driver().capabilities().offers(type)) {
            done = answer(command, host, PowerState.NOSTATE, "host " + host.name() + " does not run hypervisor type '"
                    + type + "'");
        } else {
            done = rebuild(command, host);
        }
        events.publish(List.of(HostEvent.of(done)));
    }

    private ServerActionDone rebuild(RebuildServer command, ServedHost host) {
        try {
            Optional<InstanceInfo> rebuilt = host.driver().rebuild(command.server(), command.leaveStopped());
            if (rebuilt.isEmpty()) {
                return answers.notOnHost(command.instanceUuid(), host.name(), ServerCommand.Action.REBUILD,
                        command.actionId());
            }
            log.info("Rebuilt {} on {} from image {}", command.instanceUuid(), host.name(),
                    command.server().image().id());
            return answer(command, host, rebuilt.get().powerState(), null);
        } catch (SpawnFailure failure) {
            log.warn("Rebuild of {} on {} failed: {}", command.instanceUuid(), host.name(), failure.getMessage());
            return answer(command, host, PowerState.SHUTDOWN, failure.getMessage());
        }
    }

    private ServerActionDone answer(RebuildServer command, ServedHost host, PowerState state, String error) {
        return answers.done(command.instanceUuid(), host.name(), ServerCommand.Action.REBUILD, command.actionId(),
                state, error);
    }
}
