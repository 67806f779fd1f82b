package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.ServerAction;
import io.kumo.compute.domain.VmState;
import io.kumo.compute.persistence.ServerRecords;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a server's record alone (no host involved): its name and its metadata. Each is a
 * compare-and-set of the server row, so two concurrent changes never lose one another.
 */
@Service
public class ServerUpdates {

    /** Where Nova lets metadata change ({@code check_instance_state} of update_instance_metadata). */
    private static final Set<VmState> METADATA_STATES = Set.of(VmState.ACTIVE, VmState.STOPPED);

    private final ServerRecords servers;
    private final ServerQueries queries;
    private final ComputeQuotas quotas;
    private final ServerLocking locking;
    private final Clock clock;

    ServerUpdates(ServerRecords servers, ServerQueries queries, ComputeQuotas quotas, ServerLocking locking, Clock clock) {
        this.servers = servers;
        this.queries = queries;
        this.quotas = quotas;
        this.locking = locking;
        this.clock = clock;
    }

    @Transactional
    public Server rename(Caller caller, String id, String name) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw ApiException.badRequest("Invalid input for field/attribute name. Value: " + name
                    + ". It must be 1 to 255 characters.");
        }
        Server s = writable(caller, id, "update");
        Server renamed = s.renamed(name, clock.instant());
        if (!servers.update(renamed)) {
            throw changed(id);
        }
        return renamed;
    }

    public Map<String, String> metadata(Caller caller, String id) {
        return queries.get(caller, id).metadata();
    }

    /** Merges ({@code replace} false, POST) or replaces (PUT) the metadata; returns all of it. */
    @Transactional
    public Map<String, String> setMetadata(Caller caller, String id, Map<String, String> items, boolean replace) {
        Server s = writable(caller, id, "update_metadata");
        Map<String, String> next = new LinkedHashMap<>(replace ? Map.of() : s.metadata());
        next.putAll(items);
        return store(s, next);
    }

    @Transactional
    public void deleteItem(Caller caller, String id, String key) {
        Server s = writable(caller, id, "delete_metadata");
        if (!s.metadata().containsKey(key)) {
            throw ApiException.notFound("Metadata item was not found");
        }
        Map<String, String> next = new LinkedHashMap<>(s.metadata());
        next.remove(key);
        store(s, next);
    }

    private Map<String, String> store(Server s, Map<String, String> metadata) {
        quotas.checkMetadata(s.projectId(), metadata.size());
        if (!METADATA_STATES.contains(s.vmState()) || s.taskState() != null) {
            throw ServerAction.notAllowed("update_metadata", s.id(), s.vmState(), s.taskState());
        }
        if (!servers.update(s.withMetadata(metadata, clock.instant()))) {
            throw changed(s.id());
        }
        servers.replaceMetadata(s.id(), metadata);
        return metadata;
    }

    private Server writable(Caller caller, String id, String operation) {
        Server s = queries.writable(caller, id, "os_compute_api:servers:" + operation);
        locking.requireUnlocked(caller, s);
        return s;
    }

    private static ApiException changed(String id) {
        return ApiException.conflict("Instance " + id + " changed while the request ran; retry it.");
    }
}
