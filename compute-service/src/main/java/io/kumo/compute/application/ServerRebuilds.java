package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.host.RebuildServer;
import io.kumo.common.error.ApiException;
import io.kumo.common.messaging.jpa.Outbox;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.ServerAction;
import io.kumo.compute.domain.VmState;
import io.kumo.compute.persistence.ServerRecords;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nova's rebuild: a server made anew from an image (the same one or another) on the host it runs on,
 * keeping its id, ports, MACs and IPs, and optionally getting a new name and metadata. The image is checked
 * like a boot's; the new state, the instance action and the host's {@code RebuildServer} command are written
 * in one transaction, and the host's answer ({@link ServerActions#done}) ends it ACTIVE — or STOPPED when it
 * was stopped — or ERROR with the host's reason.
 */
@Service
public class ServerRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ServerRebuilds.class);

    private final ServerRecords servers;
    private final ServerQueries queries;
    private final ServerLocking locking;
    private final BootImages images;
    private final BuildCommands commands;
    private final ComputeQuotas quotas;
    private final InstanceActions actions;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ServerRebuilds(ServerRecords servers, ServerQueries queries, ServerLocking locking, BootImages images,
            BuildCommands commands, ComputeQuotas quotas, InstanceActions actions, Outbox outbox,
            TransactionTemplate transactions, Clock clock) {
        this.servers = servers;
        this.queries = queries;
        this.locking = locking;
        this.images = images;
        this.commands = commands;
        this.quotas = quotas;
        this.actions = actions;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * {@code {"rebuild": {...}}} read for shape.
     *
     * @param name     the new name, or null to keep it
     * @param metadata the new metadata (replacing all of it), or null to keep it
     */
    public record RebuildRequest(String imageRef, String name, Map<String, String> metadata) {
    }

    /** Starts the rebuild and returns the server as it now is (status REBUILD). */
    public Server rebuild(Caller caller, String serverId, RebuildRequest request) {
        Server current = writable(caller, serverId);
        if (current.host() == null) {
            throw ApiException.conflict("Instance " + serverId + " is not ready: it never reached a host, so there"
                    + " is nothing to rebuild; delete it and create it again.");
        }
        BootImages.BootImage image = images.usable(caller, request.imageRef(), current.flavor());
        if (!Objects.equals(image.hypervisorType(), current.hypervisorType())) {
            throw ApiException.badRequest("Image " + image.id() + " is unacceptable: it needs hypervisor type '"
                    + image.hypervisorType() + "' and the server runs on '" + current.hypervisorType() + "'.");
        }
        if (request.metadata() != null) {
            quotas.checkMetadata(current.projectId(), request.metadata().size());
        }
        BuildCommands.BoundPorts ports = commands.bind(current, current.host());
        String requestId = InstanceActions.requestId();
        return StaleServer.retrying(serverId, () -> transactions.execute(tx -> {
            Server s = writable(caller, serverId);
            if (!Objects.equals(s.host(), current.host())) {
                throw ApiException.conflict("Instance " + serverId + " moved to another host while the request ran;"
                        + " retry it.");
            }
            Server next = s.rebuilding(image.id(), request.name(), request.metadata(), clock.instant());
            if (!servers.update(next)) {
                throw new StaleServer();
            }
            if (request.metadata() != null) {
                servers.replaceMetadata(s.id(), request.metadata());
            }
            actions.begin(s.id(), ServerAction.REBUILD.novaName(), requestId, caller.userId(), caller.projectId());
            actions.step(s.id(), requestId, ServerAction.REBUILD.event(), s.host());
            outbox.publish(Exchanges.HOST_COMMANDS, s.host(), new RebuildServer(s.id(), s.host(),
                    commands.describe(next, ports, requestId), s.vmState() == VmState.STOPPED, requestId));
            log.info("Rebuilding server {} on {} from image {} (was {})", s.id(), s.host(), image.id(), s.imageId());
            return next;
        }));
    }

    private Server writable(Caller caller, String serverId) {
        Server s = queries.writable(caller, serverId, "os_compute_api:servers:rebuild");
        locking.requireUnlocked(caller, s);
        ServerAction.REBUILD.check(s.id(), s.vmState(), s.taskState());
        return s;
    }
}
