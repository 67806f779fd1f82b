package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.contract.host.ServerActionDone;
import io.kumo.common.contract.host.ServerCommand;
import io.kumo.common.messaging.jpa.Inbox;
import io.kumo.common.messaging.jpa.Outbox;
import io.kumo.compute.domain.Fault;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.ServerAction;
import io.kumo.compute.domain.TaskState;
import io.kumo.compute.domain.VmState;
import io.kumo.compute.persistence.ServerRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start, stop, reboot and delete (and the answer to a rebuild, see {@link ServerRebuilds}): checked against the state table (409 otherwise), recorded as the
 * server's task, sent to its host, and finished when the host answers. A server that never reached a
 * host is deleted at once; one on a host that is down is deleted when the host comes back and answers
 * (its command waits in the host's durable queue), so nothing it held is leaked.
 */
@Service
public class ServerActions {

    private static final String CONSUMER = "compute-actions";

    private final ServerRecords servers;
    private final ServerQueries queries;
    private final ServerCleanup cleanup;
    private final InstanceActions actions;
    private final ServerLocking locking;
    private final Inbox inbox;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ServerActions(ServerRecords servers, ServerQueries queries, ServerCleanup cleanup, InstanceActions actions, ServerLocking locking,
            Inbox inbox, Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.servers = servers;
        this.queries = queries;
        this.cleanup = cleanup;
        this.actions = actions;
        this.locking = locking;
        this.inbox = inbox;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Carries out the action; a server that changed under it (the build moved on meanwhile) is read again
     * and the action re-checked, a few times, before the caller gets a 409.
     */
    public void act(Caller caller, String serverId, ServerAction action) {
        String requestId = InstanceActions.requestId();
        Server server = StaleServer.retrying(serverId,
                () -> transactions.execute(tx -> begin(caller, serverId, action, requestId)));
        if (server.vmState() == VmState.DELETED) {
            cleanup.releaseEverything(server);
        }
    }

    private Server begin(Caller caller, String serverId, ServerAction action, String requestId) {
        Server s = queries.writable(caller, serverId, "os_compute_api:servers:"
                + action.name().toLowerCase(Locale.ROOT));
        locking.requireUnlocked(caller, s);
        action.check(s.id(), s.vmState(), s.taskState());
        actions.begin(s.id(), action.novaName(), requestId, caller.userId(), caller.projectId());
        if (action == ServerAction.DELETE && s.host() == null) {
            Server gone = s.deleted(clock.instant());
            if (!servers.update(gone)) {
                throw new StaleServer();
            }
            return gone;
        }
        Server busy = s.withState(s.vmState(), action.task(), s.powerState(), clock.instant());
        if (!servers.update(busy)) {
            throw new StaleServer();
        }
        actions.step(s.id(), requestId, action.event(), s.host());
        outbox.publish(Exchanges.HOST_COMMANDS, s.host(), new ServerCommand(s.id(), s.host(), action.command(),
                requestId));
        return busy;
    }

    /**
     * DELETEs a host has not answered within {@code after} are sent again (the host is idempotent about
     * them): a command can be lost with a broker that keeps no messages across its restart (the quickstart's
     * embedded one), and a server must never stay in deleting for good. Returns how many were resent.
     */
    public int resendUnansweredDeletes(Duration after) {
        int resent = 0;
        for (Server stale : servers.unansweredDeletes(clock.instant().minus(after))) {
            Boolean sent = transactions.execute(tx -> {
                Server touched = stale.withState(stale.vmState(), TaskState.DELETING, stale.powerState(),
                        clock.instant());
                if (!servers.update(touched)) {
                    return false; // answered or changed meanwhile
                }
                String actionId = actions.latest(stale.id(), ServerAction.DELETE.novaName()).orElse(stale.requestId());
                outbox.publish(Exchanges.HOST_COMMANDS, stale.host(), new ServerCommand(stale.id(), stale.host(),
                        ServerCommand.Action.DELETE, actionId));
                return true;
            });
            if (Boolean.TRUE.equals(sent)) {
                resent++;
            }
        }
        return resent;
    }

    /** The host's answer to a command. */
    public void done(String messageId, ServerActionDone answer) {
        Server deleted = transactions.execute(tx -> {
            if (!inbox.firstDelivery(CONSUMER, messageId)) {
                return null;
            }
            Server s = servers.find(answer.instanceUuid()).orElse(null);
            if (s == null || !answer.host().equals(s.host())) {
                return null;
            }
            String event = ServerAction.of(answer.action()).event();
            if (answer.error() != null) {
                actions.failed(s.id(), answer.actionId(), event, answer.error());
            } else {
                actions.succeeded(s.id(), answer.actionId(), event);
            }
            if (answer.action() == ServerCommand.Action.DELETE) {
                if (answer.error() != null) {
                    servers.update(s.withState(s.vmState(), null, s.powerState(), clock.instant()));
                    return null;
                }
                Server gone = s.deleted(clock.instant());
                return servers.update(gone) ? gone : null;
            }
            if (s.taskState() == TaskState.DELETING || s.vmState() == VmState.DELETED) {
                return null; // a delete overtook the action: the delete's answer decides
            }
            int power = answer.powerState() == null ? s.powerState() : answer.powerState().code();
            VmState ran = answer.powerState() == PowerState.SHUTDOWN ? VmState.STOPPED : VmState.ACTIVE;
            Instant now = clock.instant();
            if (answer.action() == ServerCommand.Action.REBUILD) {
                servers.update(answer.error() == null ? s.rebuilt(ran, power, now)
                        : s.failed(Fault.of(500, "Rebuild of instance " + s.id() + " failed", answer.error(), now), now)
                                .withState(VmState.ERROR, null, power, now));
                return null;
            }
            servers.update(s.withState(answer.error() != null ? s.vmState() : ran, null, power, now));
            return null;
        });
        if (deleted != null) {
            cleanup.releaseEverything(deleted);
        }
    }
}
