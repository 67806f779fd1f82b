package io.kumo.compute.application;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.host.BuildFailed;
import io.kumo.common.contract.host.ServerCommand;
import io.kumo.common.contract.host.ServerSpawned;
import io.kumo.common.contract.scheduler.NoValidHost;
import io.kumo.common.contract.scheduler.ScheduleServer;
import io.kumo.common.contract.scheduler.ServerScheduled;
import io.kumo.common.messaging.jpa.Inbox;
import io.kumo.common.messaging.jpa.Outbox;
import io.kumo.compute.client.SchedulerHosts;
import io.kumo.compute.domain.ComputeHost;
import io.kumo.compute.domain.Fault;
import io.kumo.compute.domain.InstanceAction;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.TaskState;
import io.kumo.compute.domain.VmState;
import io.kumo.compute.persistence.ServerRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conductor: moves a build on as the scheduler and the host answer. Each answer is applied once
 * (inbox) and only to the attempt it belongs to; the server row's compare-and-set keeps a late answer
 * from undoing a newer state. Calls to other services (binding ports, releasing resources) happen
 * outside the database transactions.
 */
@Service
public class ServerBuilds {

    private static final Logger log = LoggerFactory.getLogger(ServerBuilds.class);
    private static final String CONSUMER = "compute-builds";

    private final ServerRecords servers;
    private final BuildCommands commands;
    private final SchedulerHosts hosts;
    private final ScheduleRequests schedules;
    private final ServerCleanup cleanup;
    private final InstanceActions actions;
    private final Inbox inbox;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final ComputeSettings settings;
    private final Clock clock;

    ServerBuilds(ServerRecords servers, BuildCommands commands, SchedulerHosts hosts, ScheduleRequests schedules,
            ServerCleanup cleanup, InstanceActions actions, Inbox inbox, Outbox outbox,
            TransactionTemplate transactions, ComputeSettings settings, Clock clock) {
        this.servers = servers;
        this.commands = commands;
        this.hosts = hosts;
        this.schedules = schedules;
        this.cleanup = cleanup;
        this.actions = actions;
        this.inbox = inbox;
        this.outbox = outbox;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** The scheduler claimed a host: bind the ports there and tell the host to build. */
    public void scheduled(String messageId, ServerScheduled answer) {
        Server placed = transactions.execute(tx -> {
            if (!inbox.firstDelivery(CONSUMER, messageId)) {
                return null;
            }
            Server server = servers.find(answer.instanceUuid()).orElse(null);
            if (server == null) {
                return null;
            }
            if (!building(server, answer.attempt()) || server.taskState() != TaskState.SCHEDULING) {
                return null;
            }
            Server next = server.placedOn(answer.host(), answer.providerUuid(), answer.availabilityZone(),
                    clock.instant());
            if (!servers.update(next)) {
                return null;
            }
            actions.succeeded(next.id(), next.requestId(), InstanceAction.SCHEDULE);
            actions.step(next.id(), next.requestId(), InstanceAction.BUILD, next.host());
            return next;
        });
        if (placed == null) {
            if (servers.find(answer.instanceUuid()).isEmpty()) {
                cleanup.releaseAllocation(answer.instanceUuid());
            }
            return;
        }
        BuildCommands.BoundPorts ports;
        try {
            ports = commands.bind(placed, answer.host());
        } catch (RuntimeException e) {
            log.warn("Binding the ports of server {} to {} failed: {}", placed.id(), answer.host(), e.toString());
            fail(placed.id(), placed.buildAttempt(), "Failed to bind the ports to host " + answer.host(), e.toString());
            return;
        }
        transactions.executeWithoutResult(tx -> {
            Server server = servers.find(placed.id()).orElse(null);
            if (server == null || !building(server, placed.buildAttempt()) || server.taskState() != TaskState.NETWORKING) {
                return;
            }
            Server spawning = server.withState(VmState.BUILDING, TaskState.SPAWNING, 0, clock.instant());
            if (servers.update(spawning)) {
                outbox.publish(Exchanges.HOST_COMMANDS, answer.host(),
                        commands.describe(spawning, ports, spawning.requestId()));
            }
        });
    }

    public void noValidHost(String messageId, NoValidHost answer) {
        String details = answer.reason() == null ? "" : answer.reason();
        Server failed = transactions.execute(tx -> {
            if (!inbox.firstDelivery(CONSUMER, messageId)) {
                return null;
            }
            return markFailed(answer.instanceUuid(), answer.attempt(), "No valid host was found. " + details, details);
        });
        if (failed != null) {
            cleanup.releaseEverything(failed);
        }
    }

    public void spawned(String messageId, ServerSpawned answer) {
        transactions.executeWithoutResult(tx -> {
            if (!inbox.firstDelivery(CONSUMER, messageId)) {
                return;
            }
            Server server = servers.find(answer.instanceUuid()).orElse(null);
            if (server == null) {
                // deleted while the host was building it: the host must not keep it
                outbox.publish(Exchanges.HOST_COMMANDS, answer.host(), new ServerCommand(answer.instanceUuid(),
                        answer.host(), ServerCommand.Action.DELETE, answer.requestId()));
                return;
            }
            if (!answer.host().equals(server.host())) {
                // a host the build was taken from (it went down, then came back and built it anyway)
                outbox.publish(Exchanges.HOST_COMMANDS, answer.host(), new ServerCommand(answer.instanceUuid(),
                        answer.host(), ServerCommand.Action.DELETE, answer.requestId()));
                return;
            }
            if (!building(server, answer.attempt()) || server.taskState() == TaskState.DELETING) {
                return;
            }
            if (servers.update(server.launched(answer.powerState().code(), clock.instant()))) {
                actions.succeeded(server.id(), server.requestId(), InstanceAction.BUILD);
            }
        });
    }

    /** A host could not build: try the next host while attempts remain and the fault is the host's. */
    public void buildFailed(String messageId, BuildFailed answer) {
        Server failed = transactions.execute(tx -> {
            if (!inbox.firstDelivery(CONSUMER, messageId)) {
                return null;
            }
            Server server = servers.find(answer.instanceUuid()).orElse(null);
            if (server == null || !building(server, answer.attempt())) {
                return null;
            }
            return hostFailed(server, answer.host(), answer.reason(), answer.retryable());
        });
        if (failed != null) {
            cleanup.releaseEverything(failed);
        }
    }

    /**
     * Builds placed on hosts the scheduler now reports down (no heartbeat): such a host will not answer,
     * so its builds are failed on it at once — rescheduled while attempts remain — instead of waiting for
     * the deadline. Should the host come back and build one anyway, it is told to delete it (see
     * {@link #spawned}).
     */
    public int rescueBuildsOnDownHosts() {
        List<ServerRecords.PlacedBuild> placed = servers.placedBuilds();
        if (placed.isEmpty()) {
            return 0;
        }
        Set<String> down;
        try {
            down = hosts.list().stream().filter(h -> !h.up()).map(ComputeHost::name).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            log.warn("Could not ask the scheduler which hosts are down: {}", e.toString());
            return 0;
        }
        int rescued = 0;
        for (ServerRecords.PlacedBuild build : placed) {
            if (!down.contains(build.host())) {
                continue;
            }
            Server failed = transactions.execute(tx -> {
                Server server = servers.find(build.id()).orElse(null);
                if (server == null || !building(server, build.attempt()) || !build.host().equals(server.host())) {
                    return null;
                }
                return hostFailed(server, server.host(), "host " + server.host() + " went down during the build",
                        true);
            });
            rescued++;
            if (failed != null) {
                cleanup.releaseEverything(failed);
            }
        }
        return rescued;
    }

    /** The build failed on {@code host}: the next attempt elsewhere, else ERROR (then returned, to release). */
    private Server hostFailed(Server server, String host, String reason, boolean retryable) {
        if (retryable && server.buildAttempt() < settings.maxAttempts()) {
            Server retry = server.rescheduled(clock.instant());
            if (servers.update(retry)) {
                actions.failed(server.id(), server.requestId(), InstanceAction.BUILD, reason);
                actions.step(server.id(), server.requestId(), InstanceAction.SCHEDULE, null);
                outbox.publish(Exchanges.SCHEDULER_REQUESTS, ScheduleServer.ROUTING_KEY,
                        schedules.of(retry, List.of(host)));
                log.info("Rescheduling server {} (attempt {}) after {} failed: {}", server.id(), retry.buildAttempt(),
                        host, reason);
            }
            return null;
        }
        return markFailed(server.id(), server.buildAttempt(), "Build of instance " + server.id() + " aborted: "
                + reason, reason);
    }

    /** Builds past their deadline go to ERROR, and whatever they held is released (the deadline reaper). */
    public int failOverdueBuilds() {
        int failed = 0;
        for (Server overdue : servers.overdueBuilds(clock.instant())) {
            Server server = transactions.execute(tx -> {
                Server f = markFailed(overdue.id(), overdue.buildAttempt(), "Build of instance " + overdue.id()
                        + " timed out", "the build did not finish within " + settings.buildTimeout());
                if (f != null && f.host() != null) {
                    outbox.publish(Exchanges.HOST_COMMANDS, f.host(), new ServerCommand(f.id(), f.host(),
                            ServerCommand.Action.DELETE, f.requestId()));
                }
                return f;
            });
            if (server != null) {
                cleanup.releaseEverything(server);
                failed++;
            }
        }
        return failed;
    }

    private void fail(String serverId, int attempt, String message, String details) {
        Server failed = transactions.execute(tx -> markFailed(serverId, attempt, message, details));
        if (failed != null) {
            cleanup.releaseEverything(failed);
        }
    }

    private Server markFailed(String serverId, int attempt, String message, String details) {
        Server server = servers.find(serverId).orElse(null);
        if (server == null || !building(server, attempt)) {
            return null;
        }
        Instant now = clock.instant();
        Server failed = server.failed(Fault.of(500, message, details, now), now);
        if (!servers.update(failed)) {
            return null;
        }
        actions.failed(serverId, server.requestId(), InstanceAction.SCHEDULE, message);
        actions.failed(serverId, server.requestId(), InstanceAction.BUILD, message);
        return failed;
    }

    private static boolean building(Server server, int attempt) {
        return server.vmState() == VmState.BUILDING && server.buildAttempt() == attempt;
    }
}
