package io.kumo.compute.persistence;

import io.kumo.compute.domain.ServerGroup;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Server groups and their memberships. */
@Repository
public class ServerGroupRecords {

    private static final String LIVE_MEMBERS = "SELECT m.group_id, m.server_id FROM server_group_members m"
            + " JOIN servers s ON s.id = m.server_id AND s.deleted = FALSE";

    private final NamedParameterJdbcTemplate jdbc;

    public ServerGroupRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ServerGroup group, Instant now) {
        jdbc.update("INSERT INTO server_groups (id, project_id, user_id, name, policy, created_at) VALUES (:id,"
                + " :project, :user, :name, :policy, :now)", new MapSqlParameterSource("id", group.id())
                        .addValue("project", group.projectId()).addValue("user", group.userId())
                        .addValue("name", group.name()).addValue("policy", group.policy())
                        .addValue("now", Timestamp.from(now)));
    }

    public Optional<ServerGroup> find(String id) {
        return load("SELECT * FROM server_groups WHERE id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** A project's groups, or every project's with null. */
    public List<ServerGroup> list(String projectId) {
        return projectId == null ? load("SELECT * FROM server_groups ORDER BY created_at, id", Map.of())
                : load("SELECT * FROM server_groups WHERE project_id = :p ORDER BY created_at, id",
                        Map.of("p", projectId));
    }

    public long countOfProject(String projectId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM server_groups WHERE project_id = :p",
                Map.of("p", projectId), Long.class);
        return n == null ? 0 : n;
    }

    public void delete(String id) {
        jdbc.update("DELETE FROM server_group_members WHERE group_id = :id", Map.of("id", id));
        jdbc.update("DELETE FROM server_groups WHERE id = :id", Map.of("id", id));
    }

    public void addMember(String groupId, String serverId) {
        jdbc.update("INSERT INTO server_group_members (group_id, server_id) VALUES (:g, :s)",
                new MapSqlParameterSource("g", groupId).addValue("s", serverId));
    }

    /** The group a server is in, if any. */
    public Optional<ServerGroup> groupOf(String serverId) {
        return jdbc.query("SELECT group_id FROM server_group_members WHERE server_id = :s", Map.of("s", serverId),
                (rs, n) -> rs.getString(1)).stream().findFirst().flatMap(this::find);
    }

    private List<ServerGroup> load(String sql, Map<String, ?> params) {
        List<ServerGroup> groups = jdbc.query(sql, params, (rs, n) -> new ServerGroup(rs.getString("id"),
                rs.getString("project_id"), rs.getString("user_id"), rs.getString("name"), rs.getString("policy"),
                List.of()));
        if (groups.isEmpty()) {
            return groups;
        }
        Map<String, List<String>> members = new HashMap<>();
        jdbc.query(LIVE_MEMBERS + " WHERE m.group_id IN (:ids) ORDER BY m.server_id",
                Map.of("ids", groups.stream().map(ServerGroup::id).toList()), rs -> {
                    members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return groups.stream().map(g -> new ServerGroup(g.id(), g.projectId(), g.userId(), g.name(), g.policy(),
                members.getOrDefault(g.id(), List.of()))).toList();
    }
}
