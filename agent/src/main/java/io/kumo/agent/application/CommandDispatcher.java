package io.kumo.agent.application;

import io.kumo.agent.domain.HostReplies;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.handler.BuildServerHandler;
import io.kumo.agent.handler.ConsoleOutputHandler;
import io.kumo.agent.handler.DiagnosticsHandler;
import io.kumo.agent.handler.MisaddressedCommandHandler;
import io.kumo.agent.handler.RebuildServerHandler;
import io.kumo.agent.handler.ServerActionHandler;
import io.kumo.agent.handler.VolumeAttachmentHandler;
import io.kumo.agent.handler.VolumeCommandHandler;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.GetConsoleOutput;
import io.kumo.common.contract.host.GetDiagnostics;
import io.kumo.common.contract.host.RebuildServer;
import io.kumo.common.contract.host.ServerCommand;
import io.kumo.common.contract.host.VolumeAttachmentCommand;
import io.kumo.common.contract.volume.VolumeCommand;
import io.kumo.common.messaging.MessageCodec;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a host command to its handler: by message type ({@code kumo_type}: BuildServer, ServerCommand,
 * RebuildServer, VolumeAttachmentCommand, the requests GetConsoleOutput and GetDiagnostics, or volume-service's
 * VolumeCommand), then for a
 * ServerCommand by its action, and to the host it names. A
 * type this agent does not know (a newer compute-service, a stray publisher) is logged and dropped rather
 * than failed: failing would only park it in the dead-letter queue after three useless redeliveries. A known
 * type that does not decode is a broken message and does fail, so it ends in the dead-letter queue for
 * someone to look at.
 */
public final class CommandDispatcher {

    static final String BUILD_SERVER = MessageCodec.typeOf(BuildServer.class).name();
    static final String SERVER_COMMAND = MessageCodec.typeOf(ServerCommand.class).name();
    static final String REBUILD_SERVER = MessageCodec.typeOf(RebuildServer.class).name();
    static final String GET_CONSOLE_OUTPUT = MessageCodec.typeOf(GetConsoleOutput.class).name();
    static final String GET_DIAGNOSTICS = MessageCodec.typeOf(GetDiagnostics.class).name();
    static final String VOLUME_COMMAND = MessageCodec.typeOf(VolumeCommand.class).name();
    static final String VOLUME_ATTACHMENT = MessageCodec.typeOf(VolumeAttachmentCommand.class).name();

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final ServedHosts hosts;
    private final MessageCodec codec;
    private final Handlers handlers;
    private final Map<ServerCommand.Action, ServerActionHandler> actions;
    private final HostReplies replies;
    private final Clock clock;

    public CommandDispatcher(ServedHosts hosts, MessageCodec codec, Handlers handlers, HostReplies replies,
            Clock clock) {
        this.hosts = hosts;
        this.codec = codec;
        this.handlers = handlers;
        this.actions = byAction(handlers.actions());
        this.replies = replies;
        this.clock = clock;
    }

    /** Every handler the agent has: one per message type, one per ServerCommand action. */
    public record Handlers(BuildServerHandler build, List<ServerActionHandler> actions, RebuildServerHandler rebuild,
            ConsoleOutputHandler console, DiagnosticsHandler diagnostics, MisaddressedCommandHandler misaddressed,
            VolumeCommandHandler volume, VolumeAttachmentHandler attachment) {
    }

    /** A command as the broker delivered it; {@code replyTo} is set only for requests that want a reply. */
    public record Delivery(String type, byte[] body, String routingKey, HostReplies.ReplyAddress replyTo) {
    }

    /** Every ServerCommand action exactly one handler, checked at start-up rather than when the first such command arrives. */
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
        Set<ServerCommand.Action> missing = EnumSet.noneOf(ServerCommand.Action.class);
        for (ServerCommand.Action action : ServerCommand.Action.values()) {
            if (action.carriedByServerCommand() && !map.containsKey(action)) {
                missing.add(action);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No handler for ServerCommand " + missing);
        }
        return map;
    }

    /** A command without a reply address (all but requests). */
    public void dispatch(String type, byte[] body, String routingKey) {
        dispatch(new Delivery(type, body, routingKey, null));
    }

    /** Handles one command and returns once its outcome is confirmed by the broker (or its reply sent). */
    public void dispatch(Delivery delivery) {
        String type = delivery.type();
        if (BUILD_SERVER.equals(type)) {
            build(codec.fromJson(delivery.body(), BuildServer.class), delivery.routingKey());
        } else if (SERVER_COMMAND.equals(type)) {
            act(codec.fromJson(delivery.body(), ServerCommand.class), delivery.routingKey());
        } else if (REBUILD_SERVER.equals(type)) {
            rebuild(codec.fromJson(delivery.body(), RebuildServer.class), delivery.routingKey());
        } else if (GET_CONSOLE_OUTPUT.equals(type)) {
            GetConsoleOutput request = codec.fromJson(delivery.body(), GetConsoleOutput.class);
            answer(delivery, type, request.instanceUuid(), request.host(), request.expired(clock.instant()),
                    h -> handlers.console().handle(request, h), h -> handlers.console().notServed(request, h));
        } else if (GET_DIAGNOSTICS.equals(type)) {
            GetDiagnostics request = codec.fromJson(delivery.body(), GetDiagnostics.class);
            answer(delivery, type, request.instanceUuid(), request.host(), request.expired(clock.instant()),
                    h -> handlers.diagnostics().handle(request, h), h -> handlers.diagnostics().notServed(request, h));
        } else if (VOLUME_ATTACHMENT.equals(type)) {
            attachment(codec.fromJson(delivery.body(), VolumeAttachmentCommand.class), delivery.routingKey());
        } else if (VOLUME_COMMAND.equals(type)) {
            volume(codec.fromJson(delivery.body(), VolumeCommand.class), delivery.routingKey());
        } else {
            log.warn("Dropped a host command of unknown type '{}' for {} ({} bytes)", type, delivery.routingKey(),
                    delivery.body() == null ? 0 : delivery.body().length);
        }
    }

    private void build(BuildServer command, String routingKey) {
        String host = hostOf(command.host(), routingKey);
        served(host).ifPresentOrElse(h -> handlers.build().handle(command, h), () -> {
            log.warn("BuildServer for {} on {}, a host this agent does not serve", command.instanceUuid(), host);
            handlers.misaddressed().handle(command, host);
        });
    }

    private void act(ServerCommand command, String routingKey) {
        String host = hostOf(command.host(), routingKey);
        if (command.action() == null || !command.action().carriedByServerCommand()) {
            throw new IllegalArgumentException("ServerCommand " + command.actionId() + " for "
                    + command.instanceUuid() + " names no action a ServerCommand carries: " + command.action());
        }
        log.info("{} {} on {} (action {})", command.action(), command.instanceUuid(), host, command.actionId());
        served(host).ifPresentOrElse(h -> actions.get(command.action()).handle(command, h), () -> {
            log.warn("ServerCommand for {} on {}, a host this agent does not serve", command.instanceUuid(), host);
            handlers.misaddressed().handle(command, host);
        });
    }

    private void rebuild(RebuildServer command, String routingKey) {
        String host = hostOf(command.host(), routingKey);
        if (command.server() == null) {
            throw new IllegalArgumentException("RebuildServer " + command.actionId() + " for "
                    + command.instanceUuid() + " describes no server");
        }
        log.info("REBUILD {} on {} (action {})", command.instanceUuid(), host, command.actionId());
        served(host).ifPresentOrElse(h -> handlers.rebuild().handle(command, h), () -> {
            log.warn("RebuildServer for {} on {}, a host this agent does not serve", command.instanceUuid(), host);
            handlers.misaddressed().handle(command, host);
        });
    }

    private void attachment(VolumeAttachmentCommand command, String routingKey) {
        if (command.action() == null) {
            throw new IllegalArgumentException("VolumeAttachmentCommand for volume " + command.volumeId()
                    + " names no action");
        }
        String host = hostOf(command.host(), routingKey);
        served(host).ifPresentOrElse(h -> handlers.attachment().handle(command, h), () -> {
            log.warn("VolumeAttachmentCommand for {} on {}, a host this agent does not serve", command.instanceUuid(),
                    host);
            handlers.attachment().notServed(command, host);
        });
    }

    /** Volume commands go to the storage host this agent may be, which answers for a host it is not, too. */
    private void volume(VolumeCommand command, String routingKey) {
        if (command.task() == null) {
            throw new IllegalArgumentException("VolumeCommand for volume " + command.volumeId() + " names no task");
        }
        handlers.volume().handle(command, hostOf(command.host(), routingKey));
    }

    /**
     * Answers a request to its reply address — unless it names none, or its requester stopped waiting —
     * with its handler's reply, or the not-served one for a host this agent does not serve.
     */
    private void answer(Delivery delivery, String type, String instanceUuid, String namedHost, boolean expired,
            Function<ServedHost, Object> handler, Function<String, Object> notServed) {
        if (delivery.replyTo() == null || delivery.replyTo().replyTo() == null) {
            log.warn("Dropped {} for {}: it names no reply queue", type, instanceUuid);
            return;
        }
        if (expired) {
            log.info("Dropped {} for {}: its requester stopped waiting", type, instanceUuid);
            return;
        }
        String host = hostOf(namedHost, delivery.routingKey());
        Object reply = served(host).<Object>map(handler).orElseGet(() -> notServed.apply(host));
        replies.reply(delivery.replyTo(), reply);
    }

    private Optional<ServedHost> served(String host) {
        return hosts.find(host);
    }

    private static String hostOf(String named, String routingKey) {
        return named == null || named.isBlank() ? routingKey : named;
    }
}
