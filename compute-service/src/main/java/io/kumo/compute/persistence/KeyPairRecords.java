package io.kumo.compute.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Key pairs belong to a user (not a project), unique by name per user, as in Nova. */
@Repository
public class KeyPairRecords {

    private final NamedParameterJdbcTemplate jdbc;

    public KeyPairRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record KeyPairRow(long id, String userId, String projectId, String name, String publicKey,
            String fingerprint, String type, Instant createdAt) {
    }

    /** Inserts; false when the user already has a key pair of that name (the unique key decides). */
    public boolean insert(String userId, String projectId, String name, String publicKey, String fingerprint,
            String type, Instant now) {
        try {
            jdbc.update("INSERT INTO key_pairs (user_id, project_id, name, public_key, fingerprint, key_type, created_at)"
                    + " VALUES (:user, :project, :name, :key, :fp, :type, :now)", new MapSqlParameterSource("user", userId)
                            .addValue("project", projectId).addValue("name", name).addValue("key", publicKey)
                            .addValue("fp", fingerprint).addValue("type", type).addValue("now", Timestamp.from(now)));
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<KeyPairRow> find(String userId, String name) {
        return jdbc.query("SELECT * FROM key_pairs WHERE user_id = :user AND name = :name",
                new MapSqlParameterSource("user", userId).addValue("name", name), KeyPairRecords::row).stream()
                .findFirst();
    }

    public List<KeyPairRow> ofUser(String userId) {
        return jdbc.query("SELECT * FROM key_pairs WHERE user_id = :user ORDER BY name", Map.of("user", userId),
                KeyPairRecords::row);
    }

    public long countOfUser(String userId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM key_pairs WHERE user_id = :user", Map.of("user", userId),
                Long.class);
        return n == null ? 0 : n;
    }

    public boolean delete(String userId, String name) {
        return jdbc.update("DELETE FROM key_pairs WHERE user_id = :user AND name = :name",
                new MapSqlParameterSource("user", userId).addValue("name", name)) == 1;
    }

    private static KeyPairRow row(ResultSet rs, int n) throws SQLException {
        return new KeyPairRow(rs.getLong("id"), rs.getString("user_id"), rs.getString("project_id"),
                rs.getString("name"), rs.getString("public_key"), rs.getString("fingerprint"), rs.getString("key_type"),
                rs.getTimestamp("created_at").toInstant());
    }
}
