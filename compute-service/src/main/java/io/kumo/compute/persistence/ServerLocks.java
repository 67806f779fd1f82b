package io.kumo.compute.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which servers are locked, and by whom ({@code owner} or {@code admin}). */
@Repository
public class ServerLocks {

    private final NamedParameterJdbcTemplate jdbc;

    public ServerLocks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Who holds the server's lock, if anyone. */
    public Optional<String> lockedBy(String serverId) {
        return jdbc.query("SELECT locked_by FROM server_locks WHERE server_id = :id", Map.of("id", serverId),
                (rs, n) -> rs.getString(1)).stream().findFirst();
    }

    /** Locks (or re-locks, taking over the lock) the server. */
    public void lock(String serverId, String by, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", serverId).addValue("by", by)
                .addValue("at", Timestamp.from(now));
        if (jdbc.update("UPDATE server_locks SET locked_by = :by, locked_at = :at WHERE server_id = :id", p) == 0) {
            jdbc.update("INSERT INTO server_locks (server_id, locked_by, locked_at) VALUES (:id, :by, :at)", p);
        }
    }

    public void unlock(String serverId) {
        jdbc.update("DELETE FROM server_locks WHERE server_id = :id", Map.of("id", serverId));
    }
}
