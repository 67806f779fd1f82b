package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.contract.host.ConsoleOutput;
import io.kumo.common.error.ApiException;
import io.kumo.compute.client.HostRequests;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.TaskState;
import org.springframework.stereotype.Service;

/**
 * {@code os-getConsoleOutput}: the last lines of a server's console, asked of the host it runs on. A server
 * on no host, being deleted, or whose host does not answer in time is 409 (Nova's "not ready"); one the
 * host does not have is 404, as Nova's "console not available".
 */
@Service
public class ConsoleOutputs {

    private final ServerQueries queries;
    private final HostRequests hosts;

    ConsoleOutputs(ServerQueries queries, HostRequests hosts) {
        this.queries = queries;
        this.hosts = hosts;
    }

    /** @param lines how many last lines; null or -1 for all */
    public String output(Caller caller, String serverId, Integer lines) {
        Server s = queries.writable(caller, serverId, "os_compute_api:os-console-output");
        if (s.host() == null || s.taskState() == TaskState.DELETING) {
            throw notReady(s.id());
        }
        ConsoleOutput reply = hosts.consoleOutput(s.host(), s.id(), lines == null || lines < 0 ? null : lines)
                .orElseThrow(() -> ApiException.conflict("Instance " + s.id() + " is not ready: its host did not"
                        + " answer within " + hosts.timeout().toSeconds() + " s."));
        if (reply.error() != null) {
            throw ApiException.notFound("Guest does not have a console available. (" + reply.error() + ")");
        }
        return reply.output();
    }

    private static ApiException notReady(String serverId) {
        return ApiException.conflict("Instance " + serverId + " is not ready.");
    }
}
