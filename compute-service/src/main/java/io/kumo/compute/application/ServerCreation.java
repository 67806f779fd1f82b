package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.scheduler.ScheduleServer;
import io.kumo.common.error.ApiException;
import io.kumo.common.messaging.jpa.Outbox;
import io.kumo.compute.client.NetworkService;
import io.kumo.compute.domain.ComputeUsage;
import io.kumo.compute.domain.Flavor;
import io.kumo.compute.domain.InstanceAction;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.ServerGroup;
import io.kumo.compute.domain.ServerPort;
import io.kumo.compute.domain.TaskState;
import io.kumo.compute.domain.VmState;
import io.kumo.compute.persistence.KeyPairRecords;
import io.kumo.compute.persistence.SchedulerHintRecords;
import io.kumo.compute.persistence.ServerGroupRecords;
import io.kumo.compute.persistence.ServerRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /servers}: every reference is checked with the caller's own rights (flavor, image, network,
 * key pair) and the ports are created before anything is stored, so a bad request is a 400 that leaves
 * nothing behind. Then, in one transaction, the servers are stored in BUILD/scheduling and their
 * ScheduleServer requests queued in the outbox.
 */
@Service
public class ServerCreation {

    static final int MAX_USER_DATA = 65535;

    private final Flavors flavors;
    private final ComputeQuotas quotas;
    private final ServerGroups serverGroups;
    private final ServerGroupRecords groupRecords;
    private final SchedulerHintRecords hintRecords;
    private final ScheduleRequests schedules;
    private final BootImages bootImages;
    private final NetworkService networks;
    private final KeyPairRecords keyPairs;
    private final ServerRecords servers;
    private final InstanceActions actions;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration buildTimeout;

    public ServerCreation(Flavors flavors, ComputeQuotas quotas, ServerGroups serverGroups,
            ServerGroupRecords groupRecords, SchedulerHintRecords hintRecords, ScheduleRequests schedules,
            BootImages bootImages, NetworkService networks, KeyPairRecords keyPairs,
            ServerRecords servers, InstanceActions actions, Outbox outbox, TransactionTemplate transactions,
            Clock clock, ComputeSettings settings) {
        this.flavors = flavors;
        this.quotas = quotas;
        this.serverGroups = serverGroups;
        this.groupRecords = groupRecords;
        this.hintRecords = hintRecords;
        this.schedules = schedules;
        this.bootImages = bootImages;
        this.networks = networks;
        this.keyPairs = keyPairs;
        this.servers = servers;
        this.actions = actions;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.buildTimeout = settings.buildTimeout();
    }

    /** The first server created (Nova answers with it, whatever the count). */
    public Server create(Caller caller, ServerRequest request) {
        if (!Policy.canWrite(caller, caller.projectId())) {
            throw ApiException.forbidden("Policy doesn't allow os_compute_api:servers:create to be performed.");
        }
        checkShape(request);
        Flavor flavor;
        try {
            flavor = flavors.get(caller, request.flavorRef());
        } catch (ApiException e) {
            throw ApiException.badRequest("Flavor " + request.flavorRef() + " could not be found.");
        }
        BootImages.BootImage image = bootImages.usable(caller, request.imageRef(), flavor);
        String keyData = null;
        if (request.keyName() != null) {
            keyData = keyPairs.find(caller.userId(), request.keyName())
                    .orElseThrow(() -> ApiException.badRequest("Invalid key_name provided.")).publicKey();
        }
        quotas.checkMetadata(caller.projectId(), request.metadata().size());
        int count = quotas.check(caller.projectId(), flavor, request.minCount(), request.maxCount());
        SchedulerHints hints = request.hints();
        ServerGroup group = hints.group() == null ? null : serverGroups.joinable(caller, hints.group(), count);
        checkHintedServers(caller, hints);
        List<Nic> nics = nics(caller, request);
        String hypervisorType = image.hypervisorType();
        String requestId = InstanceActions.requestId();
        String reservation = "r-" + Long.toString(clock.millis(), 36);
        Instant now = clock.instant();
        List<Server> created = new ArrayList<>();
        List<ServerPort> madePorts = new ArrayList<>();
        try {
            for (int index = 0; index < count; index++) {
                String id = UUID.randomUUID().toString();
                String name = request.maxCount() > 1 ? request.name() + "-" + (index + 1) : request.name();
                List<ServerPort> ports = new ArrayList<>();
                for (Nic nic : nics) {
                    ServerPort port = nic.port() != null ? networks.claimPort(caller.rawToken(), nic.port(), id)
                            : networks.createPort(caller.rawToken(), caller.projectId(), nic.network(), id,
                                    nic.fixedIp(), request.securityGroups());
                    ports.add(port);
                    madePorts.add(port);
                }
                created.add(new Server(id, caller.projectId(), caller.userId(), name, hostname(name), flavor,
                        image.id(), hypervisorType, request.keyName(), keyData, request.userData(),
                        request.configDrive(), request.availabilityZone(), index, reservation, VmState.BUILDING,
                        TaskState.SCHEDULING, 0, null, null, 1, now.plus(buildTimeout), requestId, null,
                        now, now, null, null, 0, request.metadata(), ports, request.securityGroups().isEmpty()
                                ? List.of("default") : request.securityGroups(), request.availabilityZone()));
            }
            transactions.executeWithoutResult(tx -> {
                quotas.claim(caller.projectId(), ComputeUsage.of(flavor, created.size()));
                created.forEach(server -> store(caller, server, group, hints));
                // scheduled once every server of the request is in its group, so each request names all its
                // siblings (affinity members scheduled in parallel must see one another)
                created.forEach(server -> outbox.publish(Exchanges.SCHEDULER_REQUESTS, ScheduleServer.ROUTING_KEY,
                        schedules.of(server, List.of())));
            });
        } catch (RuntimeException e) {
            madePorts.forEach(networks::release);
            throw e;
        }
        return created.get(0);
    }

    /** Stores a new server with its create action, its group membership and its hints. */
    private void store(Caller caller, Server server, ServerGroup group, SchedulerHints hints) {
        servers.insert(server);
        actions.begin(server.id(), "create", server.requestId(), caller.userId(), caller.projectId());
        actions.step(server.id(), server.requestId(), InstanceAction.SCHEDULE, null);
        if (group != null) {
            groupRecords.addMember(group.id(), server.id());
        }
        hintRecords.insert(server.id(), hints.sameHost(), hints.differentHost());
    }

    /** One of a new server's NICs: a port to make on a network, or a port the user made. */
    private record Nic(NetworkService.Network network, String fixedIp, String port) {
    }

    private List<Nic> nics(Caller caller, ServerRequest request) {
        if (!request.networks().isEmpty()) {
            boolean withPorts = request.networks().stream().anyMatch(n -> n.port() != null);
            if (withPorts && request.maxCount() > 1) {
                throw ApiException.badRequest("Unable to launch multiple instances with a single configured port"
                        + " ID. Please launch your instance one by one with different ports.");
            }
            return request.networks().stream().map(n -> n.port() != null ? new Nic(null, null, n.port())
                    : new Nic(networks.network(caller.rawToken(), n.uuid()), n.fixedIp(), null)).toList();
        }
        List<NetworkService.Network> usable = networks.usableNetworks(caller.rawToken());
        if (usable.size() > 1) {
            throw ApiException.conflict("Multiple possible networks found, use a Network ID to be more specific.");
        }
        return usable.stream().map(n -> new Nic(n, null, null)).toList();
    }

    private static void checkShape(ServerRequest r) {
        if (r.name() == null || r.name().isBlank() || r.name().length() > 255) {
            throw ApiException.badRequest("Invalid input for field/attribute name. Value: " + r.name()
                    + ". It must be 1 to 255 characters.");
        }
        if (r.flavorRef() == null) {
            throw ApiException.badRequest("Invalid input for field/attribute flavorRef. 'flavorRef' is a required"
                    + " property");
        }
        if (r.imageRef() == null || r.imageRef().isBlank()) {
            throw ApiException.badRequest("Invalid input for field/attribute imageRef. Booting from volume is not"
                    + " available yet; imageRef is required.");
        }
        if (r.minCount() < 1 || r.maxCount() < r.minCount() || r.maxCount() > 100) {
            throw ApiException.badRequest("Invalid input for field/attribute min_count/max_count: 1 <= min_count"
                    + " <= max_count <= 100.");
        }
        if (r.userData() != null) {
            if (r.userData().length() > MAX_USER_DATA) {
                throw ApiException.badRequest("Invalid input for field/attribute user_data. The length of user_data"
                        + " must be at most " + MAX_USER_DATA + " characters.");
            }
            try {
                Base64.getMimeDecoder().decode(r.userData());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Invalid input for field/attribute user_data. Value: "
                        + abbreviate(r.userData()) + ". '" + abbreviate(r.userData()) + "' is not a 'base64'");
            }
        }
    }

    /** same_host / different_host name servers the caller can see (400 otherwise, as a bad reference). */
    private void checkHintedServers(Caller caller, SchedulerHints hints) {
        for (String id : concat(hints.sameHost(), hints.differentHost())) {
            Server other = servers.find(id).orElse(null);
            if (other == null || !Policy.canRead(caller, other.projectId())) {
                throw ApiException.badRequest("Invalid scheduler hint: server " + id + " could not be found.");
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A DNS-safe hostname from the display name, as Nova sanitizes it. */
    static String hostname(String name) {
        String h = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^[.-]+|[.-]+$", "");
        if (h.length() > 63) {
            h = h.substring(0, 63).replaceAll("[.-]+$", "");
        }
        return h.isEmpty() ? "server" : h;
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }
}
