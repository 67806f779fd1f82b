package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.compute.domain.Server;
import io.kumo.compute.persistence.ServerLocks;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nova's lock/unlock: a locked server refuses every action and change (409) except an admin's. Its
 * owner may lock and unlock it; a lock an admin set only an admin lifts.
 */
@Service
public class ServerLocking {

    static final String OWNER = "owner";
    static final String ADMIN = "admin";

    private final ServerLocks locks;
    private final ServerQueries queries;
    private final InstanceActions actions;
    private final Clock clock;

    ServerLocking(ServerLocks locks, ServerQueries queries, InstanceActions actions, Clock clock) {
        this.locks = locks;
        this.queries = queries;
        this.actions = actions;
        this.clock = clock;
    }

    @Transactional
    public void lock(Caller caller, String id) {
        Server s = writable(caller, id, "lock");
        actions.begin(s.id(), "lock", InstanceActions.requestId(), caller.userId(), caller.projectId());
        locks.lock(s.id(), Policy.isAdmin(caller) ? ADMIN : OWNER, clock.instant());
    }

    @Transactional
    public void unlock(Caller caller, String id) {
        Server s = writable(caller, id, "unlock");
        if (ADMIN.equals(locks.lockedBy(s.id()).orElse(null)) && !Policy.isAdmin(caller)) {
            throw ApiException.forbidden("Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override"
                    + " to be performed.");
        }
        actions.begin(s.id(), "unlock", InstanceActions.requestId(), caller.userId(), caller.projectId());
        locks.unlock(s.id());
    }

    /** 409 in Nova's words when the server is locked and the caller is no admin. */
    void requireUnlocked(Caller caller, Server server) {
        if (!Policy.isAdmin(caller) && locks.lockedBy(server.id()).isPresent()) {
            throw ApiException.conflict("Instance " + server.id() + " is locked");
        }
    }

    private Server writable(Caller caller, String id, String operation) {
        return queries.writable(caller, id, "os_compute_api:os-lock-server:" + operation);
    }
}
