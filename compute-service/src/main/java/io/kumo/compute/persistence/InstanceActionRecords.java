package io.kumo.compute.persistence;

import io.kumo.compute.domain.InstanceAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Instance actions and their events; an action is found by its server and request id. */
@Repository
public class InstanceActionRecords {

    private final NamedParameterJdbcTemplate jdbc;

    public InstanceActionRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String serverId, String action, String requestId, String userId, String projectId,
            Instant now) {
        jdbc.update("INSERT INTO instance_actions (server_id, action, request_id, user_id, project_id, start_time,"
                + " updated_at) VALUES (:server, :action, :request, :user, :project, :now, :now)",
                key(serverId, requestId).addValue("action", action).addValue("user", userId)
                        .addValue("project", projectId).addValue("now", Timestamp.from(now)));
    }

    /** Opens a step of the action; nothing when the action is unknown (an older server without one). */
    public void startEvent(String serverId, String requestId, String event, String host, Instant now) {
        Long action = actionId(serverId, requestId);
        if (action != null) {
            jdbc.update("INSERT INTO instance_action_events (action_id, event, host, start_time)"
                    + " VALUES (:action, :event, :host, :now)", new MapSqlParameterSource("action", action)
                            .addValue("event", event).addValue("host", host).addValue("now", Timestamp.from(now)));
        }
    }

    /** Finishes the step's open occurrences; an error also marks the action, as Nova does. */
    public void finishEvent(String serverId, String requestId, String event, String result, String traceback,
            Instant now) {
        Long action = actionId(serverId, requestId);
        if (action == null) {
            return;
        }
        MapSqlParameterSource p = key(serverId, requestId).addValue("action", action).addValue("event", event)
                .addValue("result", result).addValue("traceback", traceback).addValue("now", Timestamp.from(now));
        // by primary key: a range condition would take gap locks that concurrent steps of other actions hit
        List<Long> open = jdbc.query("SELECT id FROM instance_action_events WHERE action_id = :action"
                + " AND event = :event AND finish_time IS NULL", p, (rs, n) -> rs.getLong(1));
        if (!open.isEmpty()) {
            jdbc.update("UPDATE instance_action_events SET finish_time = :now, result = :result,"
                    + " traceback = :traceback WHERE id IN (:ids)", p.addValue("ids", open));
        }
        String message = InstanceAction.ERROR.equals(result) ? ", message = 'Error'" : "";
        jdbc.update("UPDATE instance_actions SET updated_at = :now" + message + " WHERE server_id = :server"
                + " AND request_id = :request", p);
    }

    /** Newest first, as Nova lists them. */
    public List<InstanceAction> ofServer(String serverId) {
        Map<Long, InstanceAction> actions = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM instance_actions WHERE server_id = :server ORDER BY start_time DESC, id DESC",
                Map.of("server", serverId), rs -> {
                    actions.put(rs.getLong("id"), action(rs, List.of()));
                });
        return new ArrayList<>(actions.values());
    }

    public Optional<InstanceAction> find(String serverId, String requestId) {
        Long action = actionId(serverId, requestId);
        if (action == null) {
            return Optional.empty();
        }
        List<InstanceAction.Event> events = jdbc.query("SELECT * FROM instance_action_events WHERE action_id = :action"
                + " ORDER BY start_time, id", Map.of("action", action), InstanceActionRecords::event);
        return jdbc.query("SELECT * FROM instance_actions WHERE server_id = :server AND request_id = :request",
                key(serverId, requestId), (rs, n) -> action(rs, events)).stream().findFirst();
    }

    /**
     * The action's id by a plain read: {@code INSERT … SELECT} or a subquery in an UPDATE would lock the
     * rows (and gaps) they read under REPEATABLE READ, and concurrent creates deadlocked on them.
     */
    private Long actionId(String serverId, String requestId) {
        return jdbc.query("SELECT id FROM instance_actions WHERE server_id = :server AND request_id = :request",
                key(serverId, requestId), (rs, n) -> rs.getLong(1)).stream().findFirst().orElse(null);
    }

    private static MapSqlParameterSource key(String serverId, String requestId) {
        return new MapSqlParameterSource("server", serverId).addValue("request", requestId);
    }

    private static InstanceAction action(ResultSet rs, List<InstanceAction.Event> events) throws SQLException {
        return new InstanceAction(rs.getString("server_id"), rs.getString("action"), rs.getString("request_id"),
                rs.getString("user_id"), rs.getString("project_id"), rs.getString("message"),
                rs.getTimestamp("start_time").toInstant(), events);
    }

    private static InstanceAction.Event event(ResultSet rs, int n) throws SQLException {
        Timestamp finish = rs.getTimestamp("finish_time");
        return new InstanceAction.Event(rs.getString("event"), rs.getString("host"),
                rs.getTimestamp("start_time").toInstant(), finish == null ? null : finish.toInstant(),
                rs.getString("result"), rs.getString("traceback"));
    }
}
