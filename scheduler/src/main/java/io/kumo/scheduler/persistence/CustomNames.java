package io.kumo.scheduler.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Operators' CUSTOM_* traits and resource classes (the standard ones live in code). */
@Repository
public class CustomNames {

    public enum Kind {
        TRAIT("custom_traits"), RESOURCE_CLASS("custom_resource_classes");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    public CustomNames(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> all(Kind kind) {
        return jdbc.queryForList("SELECT name FROM " + kind.table + " ORDER BY name", Map.of(), String.class);
    }

    public boolean exists(Kind kind, String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM " + kind.table + " WHERE name = :name",
                Map.of("name", name), Boolean.class));
    }

    /** @return false if it existed already */
    public boolean create(Kind kind, String name, Instant now) {
        try {
            return jdbc.update("INSERT INTO " + kind.table + " (name, created_at) VALUES (:name, :now)",
                    new MapSqlParameterSource("name", name).addValue("now", Timestamp.from(now))) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public boolean delete(Kind kind, String name) {
        return jdbc.update("DELETE FROM " + kind.table + " WHERE name = :name", Map.of("name", name)) == 1;
    }
}
