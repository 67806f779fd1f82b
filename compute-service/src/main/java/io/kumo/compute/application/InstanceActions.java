package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.common.web.RequestIds;
import io.kumo.compute.domain.InstanceAction;
import io.kumo.compute.persistence.InstanceActionRecords;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of who did what to a server ({@code os-instance-actions}). Actions and their steps are
 * written in the same transaction as the server change they describe, so the record never disagrees
 * with what happened.
 */
@Service
public class InstanceActions {

    private final InstanceActionRecords records;
    private final ServerQueries servers;
    private final Clock clock;

    InstanceActions(InstanceActionRecords records, ServerQueries servers, Clock clock) {
        this.records = records;
        this.servers = servers;
        this.clock = clock;
    }

    /** The id an action of the current request is recorded under (a fresh one outside a request). */
    static String requestId() {
        String current = RequestIds.current();
        return current == null ? RequestIds.newId() : current;
    }

    void begin(String serverId, String action, String requestId, String userId, String projectId) {
        records.insert(serverId, action, requestId, userId, projectId, clock.instant());
    }

    void step(String serverId, String requestId, String event, String host) {
        records.startEvent(serverId, requestId, event, host, clock.instant());
    }

    /** The request id of the server's newest action of this kind. */
    java.util.Optional<String> latest(String serverId, String action) {
        return records.ofServer(serverId).stream().filter(a -> a.action().equals(action))
                .map(InstanceAction::requestId).findFirst();
    }

    void succeeded(String serverId, String requestId, String event) {
        records.finishEvent(serverId, requestId, event, InstanceAction.SUCCESS, null, clock.instant());
    }

    void failed(String serverId, String requestId, String event, String why) {
        records.finishEvent(serverId, requestId, event, InstanceAction.ERROR, why, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<InstanceAction> list(Caller caller, String serverId) {
        servers.get(caller, serverId);
        return records.ofServer(serverId);
    }

    @Transactional(readOnly = true)
    public InstanceAction get(Caller caller, String serverId, String requestId) {
        servers.get(caller, serverId);
        return records.find(serverId, requestId).orElseThrow(() -> ApiException.notFound("Action for request_id "
                + requestId + " on instance " + serverId + " not found"));
    }
}
