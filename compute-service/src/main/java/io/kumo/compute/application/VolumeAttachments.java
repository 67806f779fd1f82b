package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.host.VolumeAttachmentCommand.VolumeConnection;
import io.kumo.common.contract.host.VolumeAttachmentCommand;
import io.kumo.common.contract.host.VolumeAttachmentDone;
import io.kumo.common.error.ApiException;
import io.kumo.common.messaging.jpa.Inbox;
import io.kumo.common.messaging.jpa.Outbox;
import io.kumo.compute.client.VolumeService;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.ServerAction;
import io.kumo.compute.domain.VmState;
import io.kumo.compute.domain.VolumeAttachment.Status;
import io.kumo.compute.domain.VolumeAttachment;
import io.kumo.compute.persistence.ServerRecords;
import io.kumo.compute.persistence.VolumeAttachmentRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nova's {@code os-volume_attachments}: a volume is reserved in volume-service with the user's token, its
 * connection asked for, and the attach recorded (attaching) and sent to the server's host in one
 * transaction; the host's answer finishes it — {@code os-attach} and attached, or {@code os-unreserve} and
 * gone. A detach is the same in reverse ({@code os-begin_detaching}, the host, {@code os-detach}). A host's
 * answer is applied once (inbox), with volume-service told inside its transaction (its calls are idempotent,
 * so an answer redelivered after a failure is harmless). A deleted server's volumes are given back ({@link #releaseAll}), and retried by
 * {@link AttachmentWatchdog} until volume-service has them; the watchdog also sends again what a host has not
 * answered for two minutes.
 */
@Service
public class VolumeAttachments {

    static final String ATTACH = "attach_volume";
    static final String DETACH = "detach_volume";
    static final String ATTACH_EVENT = "compute_attach_volume";
    static final String DETACH_EVENT = "compute_detach_volume";
    private static final String CONSUMER = "compute-volume-attachments";
    private static final Set<VmState> ATTACHABLE = Set.of(VmState.ACTIVE, VmState.STOPPED);
    private static final Logger log = LoggerFactory.getLogger(VolumeAttachments.class);

    private final ServerQueries queries;
    private final ServerRecords servers;
    private final ServerLocking locking;
    private final VolumeAttachmentRecords records;
    private final VolumeService volumes;
    private final AttachmentDevices devices;
    private final InstanceActions actions;
    private final Inbox inbox;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VolumeAttachments(ServerQueries queries, ServerRecords servers, ServerLocking locking,
            VolumeAttachmentRecords records, VolumeService volumes, AttachmentDevices devices, InstanceActions actions,
            Inbox inbox, Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.queries = queries;
        this.servers = servers;
        this.locking = locking;
        this.records = records;
        this.volumes = volumes;
        this.devices = devices;
        this.actions = actions;
        this.inbox = inbox;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The server's attachments: 404 when the server is not the caller's to see. */
    public List<VolumeAttachment> list(Caller caller, String serverId) {
        queries.get(caller, serverId);
        return records.ofServer(serverId);
    }

    public VolumeAttachment get(Caller caller, String serverId, String volumeId) {
        queries.get(caller, serverId);
        return attachmentOf(serverId, volumeId);
    }

    /** The attached volumes' ids of each server, for server views. */
    public Map<String, List<String>> volumeIdsOf(List<String> serverIds) {
        return records.volumeIdsOf(serverIds);
    }

    /**
     * Starts attaching the volume and returns the attachment (device chosen) at once, as Nova does; the volume
     * is {@code attaching} until the host has it.
     *
     * @param requestedDevice the device the caller asked for ({@code /dev/vdc}; {@code /mnt/name} in a
     *                        container), or null
     */
    public VolumeAttachment attach(Caller caller, String serverId, String volumeId, String requestedDevice) {
        Server server = attachable(caller, serverId, "create", ATTACH);
        VolumeService.Volume volume = volumes.volume(caller.rawToken(), server.projectId(), volumeId);
        AttachmentDevices.Kind kind = devices.kindOn(server.host());
        devices.requireValid(kind, requestedDevice, volume);
        volumes.reserve(caller.rawToken(), server.projectId(), volumeId);
        try {
            VolumeConnection connection = volumes.initializeConnection(server.projectId(), volumeId,
                    server.host());
            String requestId = InstanceActions.requestId();
            for (int attempt = 1; ; attempt++) {
                try {
                    return transactions.execute(tx -> begin(caller, serverId, volume, kind, requestedDevice,
                            connection, requestId));
                } catch (DuplicateKeyException e) {
                    if (requestedDevice != null || attempt == 3) {
                        throw ApiException.badRequest("The supplied device path (" + (requestedDevice == null
                                ? "chosen" : requestedDevice) + ") is in use.");
                    }
                    // another attach to this server took the same device meanwhile: choose again
                }
            }
        } catch (RuntimeException e) {
            try {
                volumes.unreserve(server.projectId(), volumeId);
            } catch (RuntimeException unreserve) {
                e.addSuppressed(unreserve);
            }
            throw e;
        }
    }

    private VolumeAttachment begin(Caller caller, String serverId, VolumeService.Volume volume,
            AttachmentDevices.Kind kind, String requestedDevice, VolumeConnection connection,
            String requestId) {
        Server server = attachable(caller, serverId, "create", ATTACH);
        if (records.findForUpdate(volume.id()).isPresent()) {
            throw ApiException.badRequest("Invalid volume: volume " + volume.id() + " is attached already.");
        }
        List<VolumeAttachment> present = records.ofServer(serverId);
        String device = devices.choose(kind, requestedDevice, volume, present);
        Instant now = clock.instant();
        VolumeAttachment attachment = new VolumeAttachment(volume.id(), serverId, server.projectId(), device,
                Status.ATTACHING, requestId, now, now);
        records.insert(attachment);
        actions.begin(serverId, ATTACH, requestId, caller.userId(), caller.projectId());
        actions.step(serverId, requestId, ATTACH_EVENT, server.host());
        outbox.publish(Exchanges.HOST_COMMANDS, server.host(), new VolumeAttachmentCommand(
                VolumeAttachmentCommand.Action.ATTACH, serverId, server.host(), volume.id(), device, connection,
                requestId));
        return attachment;
    }

    /** Starts detaching the volume (202): it is {@code detaching} until the host has let go of it. */
    public void detach(Caller caller, String serverId, String volumeId) {
        Server server = attachable(caller, serverId, "delete", DETACH);
        // read under its lock: a host's answer being applied is waited for, not mistaken for a state
        VolumeAttachment attachment = transactions.execute(tx -> lockedAttachmentOf(serverId, volumeId));
        if (attachment.status() != Status.ATTACHED) {
            throw ApiException.badRequest("Invalid volume: volume " + volumeId + " is " + attachment.status().wire()
                    + ", not attached; try again when that is done.");
        }
        volumes.beginDetaching(caller.rawToken(), server.projectId(), volumeId);
        String requestId = InstanceActions.requestId();
        try {
            transactions.executeWithoutResult(tx -> {
                Server current = attachable(caller, serverId, "delete", DETACH);
                if (!records.update(attachment.inStatus(Status.DETACHING, requestId, clock.instant()),
                        Status.ATTACHED)) {
                    throw ApiException.conflict("Volume " + volumeId + " changed meanwhile; try again.");
                }
                actions.begin(serverId, DETACH, requestId, caller.userId(), caller.projectId());
                actions.step(serverId, requestId, DETACH_EVENT, current.host());
                outbox.publish(Exchanges.HOST_COMMANDS, current.host(), new VolumeAttachmentCommand(
                        VolumeAttachmentCommand.Action.DETACH, serverId, current.host(), volumeId,
                        attachment.device(), null, requestId));
            });
        } catch (RuntimeException e) {
            try {
                volumes.rollDetaching(server.projectId(), volumeId);
            } catch (RuntimeException roll) {
                e.addSuppressed(roll);
            }
            throw e;
        }
    }

    /**
     * The host's answer to an attach or detach. The attachment's row is changed first (which locks it), then
     * volume-service is told, then the transaction commits: whoever sees the volume in-use (or available) and
     * acts on it at once waits on that row lock instead of finding the attachment still attaching. A call to
     * volume-service that fails rolls it all back, and the answer is redelivered.
     */
    public void done(String messageId, VolumeAttachmentDone answer) {
        boolean attach = answer.action() == VolumeAttachmentCommand.Action.ATTACH;
        Status expected = attach ? Status.ATTACHING : Status.DETACHING;
        String event = attach ? ATTACH_EVENT : DETACH_EVENT;
        transactions.executeWithoutResult(tx -> {
            if (!inbox.firstDelivery(CONSUMER, messageId)) {
                return;
            }
            VolumeAttachment attachment = records.findForUpdate(answer.volumeId())
                    .filter(a -> a.serverId().equals(answer.instanceUuid()) && a.status() == expected
                            && a.requestId().equals(answer.requestId())).orElse(null);
            if (attachment == null) {
                return; // a late answer: the server was deleted, or a newer request is under way
            }
            String projectId = attachment.projectId();
            Instant now = clock.instant();
            if (attach && answer.error() == null) {
                records.update(attachment.inStatus(Status.ATTACHED, attachment.requestId(), now), expected);
                volumes.attach(projectId, attachment.volumeId(), attachment.serverId(), attachment.device());
            } else if (attach) {
                records.delete(attachment.volumeId(), expected);
                volumes.unreserve(projectId, attachment.volumeId());
            } else if (answer.error() == null) {
                records.delete(attachment.volumeId(), expected);
                volumes.detach(projectId, attachment.volumeId(), attachment.serverId());
            } else {
                records.update(attachment.inStatus(Status.ATTACHED, attachment.requestId(), now), expected);
                volumes.rollDetaching(projectId, attachment.volumeId());
            }
            if (answer.error() == null) {
                actions.succeeded(attachment.serverId(), answer.requestId(), event);
            } else {
                actions.failed(attachment.serverId(), answer.requestId(), event, answer.error());
            }
        });
    }

    /**
     * Attaches and detaches a host has not answered within {@code after} are sent to it again (a command can
     * be lost with a broker that keeps no messages across a restart, the quickstart's embedded one); the host
     * is idempotent about them, and its answer is applied once. Returns how many were sent again.
     */
    public int resendUnanswered(Duration after) {
        int resent = 0;
        for (VolumeAttachment stale : records.unanswered(clock.instant().minus(after), 50)) {
            Server server = servers.find(stale.serverId()).orElse(null);
            if (server == null || server.host() == null) {
                continue;
            }
            boolean attaching = stale.status() == Status.ATTACHING;
            try {
                VolumeConnection connection = attaching ? volumes.initializeConnection(stale.projectId(),
                        stale.volumeId(), server.host()) : null;
                VolumeAttachmentCommand command = new VolumeAttachmentCommand(attaching
                        ? VolumeAttachmentCommand.Action.ATTACH : VolumeAttachmentCommand.Action.DETACH,
                        stale.serverId(), server.host(), stale.volumeId(), stale.device(), connection,
                        stale.requestId());
                Boolean sent = transactions.execute(tx -> {
                    if (!records.update(stale.inStatus(stale.status(), stale.requestId(), clock.instant()),
                            stale.status())) {
                        return false; // answered meanwhile
                    }
                    outbox.publish(Exchanges.HOST_COMMANDS, server.host(), command);
                    return true;
                });
                resent += Boolean.TRUE.equals(sent) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("The unanswered {} of volume {} to server {} is not sent again yet: {}", attaching ? "attach"
                        : "detach", stale.volumeId(), stale.serverId(), e.getMessage());
            }
        }
        return resent;
    }

    /**
     * Gives back every volume of a deleted server (its guest is gone, and the volumes with it): detached in
     * volume-service and forgotten here. One volume-service cannot be told of now stays, for the watchdog.
     * Returns how many were given back.
     */
    public int releaseAll(String serverId) {
        int released = 0;
        for (VolumeAttachment attachment : records.ofServer(serverId)) {
            released += giveBack(attachment) ? 1 : 0;
        }
        return released;
    }

    /** The volumes of deleted servers that volume-service could not be told of before; returns how many. */
    public int releaseOfDeletedServers() {
        int released = 0;
        for (VolumeAttachment attachment : records.ofDeletedServers(100)) {
            released += giveBack(attachment) ? 1 : 0;
        }
        return released;
    }

    private boolean giveBack(VolumeAttachment attachment) {
        try {
            volumes.detach(attachment.projectId(), attachment.volumeId(), attachment.serverId());
            if (attachment.status() == Status.ATTACHING) {
                // only a reservation of this attach: one made since by another would be undone otherwise
                volumes.unreserve(attachment.projectId(), attachment.volumeId());
            }
        } catch (RuntimeException e) {
            log.warn("Volume {} of deleted server {} is not given back yet: {}", attachment.volumeId(),
                    attachment.serverId(), e.getMessage());
            return false;
        }
        transactions.executeWithoutResult(tx -> records.delete(attachment.volumeId(), attachment.status()));
        log.info("Volume {} of deleted server {} is free", attachment.volumeId(), attachment.serverId());
        return true;
    }

    private Server attachable(Caller caller, String serverId, String verb, String operation) {
        Server server = queries.writable(caller, serverId, "os_compute_api:os-volumes-attachments:" + verb);
        locking.requireUnlocked(caller, server);
        if (!ATTACHABLE.contains(server.vmState()) || server.taskState() != null || server.host() == null) {
            throw ServerAction.notAllowed(operation, serverId, server.vmState(), server.taskState());
        }
        return server;
    }

    private VolumeAttachment lockedAttachmentOf(String serverId, String volumeId) {
        return records.findForUpdate(volumeId).filter(a -> a.serverId().equals(serverId)).orElseThrow(() ->
                notAttached(serverId, volumeId));
    }

    private VolumeAttachment attachmentOf(String serverId, String volumeId) {
        return records.find(volumeId).filter(a -> a.serverId().equals(serverId)).orElseThrow(() ->
                notAttached(serverId, volumeId));
    }

    private static ApiException notAttached(String serverId, String volumeId) {
        return ApiException.notFound("Volume attachment could not be found with filter: volume_id = " + volumeId
                + ", instance_uuid = " + serverId + ".");
    }
}
