package io.kumo.agent.application;

import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.handler.BuildServerHandler;
import io.kumo.agent.handler.MisaddressedCommandHandler;
import io.kumo.agent.handler.ServerActionHandler;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.ServerCommand;
import io.kumo.common.messaging.MessageCodec;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a host command to its handler: by message type ({@code kumo_type}: BuildServer or
 * ServerCommand), then for a ServerCommand by its action, and to the host it names. A type this agent does
 * not know (a newer compute-service, a stray publisher) is logged and dropped rather than failed: failing
 * would only park it in the dead-letter queue after three useless redeliveries. A known type that does not
 * decode is a broken message and does fail, so it ends in the dead-letter queue for someone to look at.
 */
public final class CommandDispatcher {

    static final String BUILD_SERVER = MessageCodec.typeOf(BuildServer.class).name();
    static final String SERVER_COMMAND = MessageCodec.typeOf(ServerCommand.class).name();

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final ServedHosts hosts;
    private final MessageCodec codec;
    private final BuildServerHandler build;
    private final Map<ServerCommand.Action, ServerActionHandler> actions;
    private final MisaddressedCommandHandler misaddressed;

    public CommandDispatcher(ServedHosts hosts, MessageCodec codec, BuildServerHandler build,
            List<ServerActionHandler> actionHandlers, MisaddressedCommandHandler misaddressed) {
        this.hosts = hosts;
        this.codec = codec;
        this.build = build;
        this.actions = byAction(actionHandlers);
        this.misaddressed = misaddressed;
    }

    /** Every action exactly one handler, checked at start-up rather than when the first such command arrives. */
    private static Map<ServerCommand.Action, ServerActionHandler> byAction(List<ServerActionHandler> handlers) {
        Map<ServerCommand.Action, ServerActionHandler> map = new EnumMap<>(ServerCommand.Action.class);
        for (ServerActionHandler handler : handlers) {
            for (ServerCommand.Action action : handler.actions()) {
                ServerActionHandler previous = map.put(action, handler);
                if (previous != null) {
                    throw new IllegalStateException("ServerCommand " + action + " has two handlers: "
                            + previous.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName());
                }
            }
        }
        Set<ServerCommand.Action> missing = EnumSet.allOf(ServerCommand.Action.class);
        missing.removeAll(map.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No handler for ServerCommand " + missing);
        }
        return map;
    }

    /**
     * Handles one command and returns once its outcome is confirmed by the broker.
     *
     * @param type       the {@code kumo_type} header (null when absent)
     * @param routingKey the host the broker delivered the command for, used when the body names none
     */
    public void dispatch(String type, byte[] body, String routingKey) {
        if (BUILD_SERVER.equals(type)) {
            BuildServer command = codec.fromJson(body, BuildServer.class);
            String host = hostOf(command.host(), routingKey);
            served(host).ifPresentOrElse(h -> build.handle(command, h), () -> {
                log.warn("BuildServer for {} on {}, a host this agent does not serve", command.instanceUuid(), host);
                misaddressed.handle(command, host);
            });
        } else if (SERVER_COMMAND.equals(type)) {
            ServerCommand command = codec.fromJson(body, ServerCommand.class);
            String host = hostOf(command.host(), routingKey);
            if (command.action() == null) {
                throw new IllegalArgumentException("ServerCommand " + command.actionId() + " for "
                        + command.instanceUuid() + " names no action");
            }
            log.info("{} {} on {} (action {})", command.action(), command.instanceUuid(), host, command.actionId());
            served(host).ifPresentOrElse(h -> actions.get(command.action()).handle(command, h), () -> {
                log.warn("ServerCommand for {} on {}, a host this agent does not serve", command.instanceUuid(), host);
                misaddressed.handle(command, host);
            });
        } else {
            log.warn("Dropped a host command of unknown type '{}' for {} ({} bytes)", type, routingKey,
                    body == null ? 0 : body.length);
        }
    }

    private Optional<ServedHost> served(String host) {
        return hosts.find(host);
    }

    private static String hostOf(String named, String routingKey) {
        return named == null || named.isBlank() ? routingKey : named;
    }
}
