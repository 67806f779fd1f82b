package io.kumo.compute.persistence;

import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Nova's os-services and os-hypervisors name hosts by integer id at 2.1. The scheduler knows hosts by
 * name; this table gives each name a stable integer the first time compute shows it.
 */
@Repository
public class ComputeHostIds {

    private final NamedParameterJdbcTemplate jdbc;

    public ComputeHostIds(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Integer> all() {
        Map<String, Integer> ids = new HashMap<>();
        jdbc.query("SELECT id, name FROM compute_hosts", Map.of(), rs -> {
            ids.put(rs.getString("name"), rs.getInt("id"));
        });
        return ids;
    }

    /** The host's id, assigned now if it has none (two concurrent first looks agree through the unique key). */
    public int idOf(String host) {
        Integer id = find(host);
        if (id != null) {
            return id;
        }
        try {
            jdbc.update("INSERT INTO compute_hosts (name) VALUES (:name)", Map.of("name", host));
        } catch (DuplicateKeyException e) {
            // assigned by a concurrent request
        }
        return find(host);
    }

    private Integer find(String host) {
        return jdbc.queryForList("SELECT id FROM compute_hosts WHERE name = :name", Map.of("name", host), Integer.class)
                .stream().findFirst().orElse(null);
    }
}
