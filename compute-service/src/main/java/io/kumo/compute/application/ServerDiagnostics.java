package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.contract.host.Diagnostics;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.error.ApiException;
import io.kumo.compute.client.HostRequests;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.TaskState;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * {@code GET /servers/{id}/diagnostics} (admin only, as Nova's default policy): what a running server uses,
 * asked of its host. As in Nova, a server on no host, being deleted, or whose host does not answer in time
 * is 409 "not ready", and one that is not running 409 naming its power state.
 */
@Service
public class ServerDiagnostics {

    static final String POLICY = "os_compute_api:os-server-diagnostics";

    private final ServerQueries queries;
    private final HostRequests hosts;

    ServerDiagnostics(ServerQueries queries, HostRequests hosts) {
        this.queries = queries;
        this.hosts = hosts;
    }

    public Diagnostics of(Caller caller, String serverId) {
        Server s = queries.get(caller, serverId);
        if (!Policy.isAdmin(caller)) {
            throw ApiException.forbidden("Policy doesn't allow " + POLICY + " to be performed.");
        }
        if (s.host() == null || s.taskState() == TaskState.DELETING) {
            throw ApiException.conflict("Instance " + s.id() + " is not ready.");
        }
        if (s.powerState() != PowerState.RUNNING.code()) {
            throw notRunning(s.id(), powerStateName(s.powerState()));
        }
        Diagnostics reply = hosts.diagnostics(s.host(), s.id())
                .orElseThrow(() -> ApiException.conflict("Instance " + s.id() + " is not ready: its host did not"
                        + " answer within " + hosts.timeout().toSeconds() + " s."));
        if (reply.error() != null) {
            throw ApiException.conflict("Instance " + s.id() + " is not ready: " + reply.error() + ".");
        }
        if (!reply.stats().running()) {
            throw notRunning(s.id(), reply.stats().state());
        }
        return reply;
    }

    private static ApiException notRunning(String serverId, String state) {
        return ApiException.conflict("Cannot 'get_diagnostics' instance " + serverId + " while it is in power state "
                + state);
    }

    private static String powerStateName(int code) {
        return Arrays.stream(PowerState.values()).filter(p -> p.code() == code).findFirst()
                .map(p -> p.name().toLowerCase(Locale.ROOT)).orElse(Integer.toString(code));
    }
}
