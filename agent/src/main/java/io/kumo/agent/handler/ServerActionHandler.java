package io.kumo.agent.handler;

import io.kumo.agent.domain.ServedHost;
import io.kumo.common.contract.host.ServerCommand;
import java.util.Set;

/**
 * One kind of {@code ServerCommand}, answered with {@code ServerActionDone}. Each handler names the actions
 * it carries out, and the dispatcher refuses to start unless every action has exactly one handler.
 */
public interface ServerActionHandler {

    Set<ServerCommand.Action> actions();

    /** Carries the action out and returns once its answer is confirmed by the broker. */
    void handle(ServerCommand command, ServedHost host);
}
