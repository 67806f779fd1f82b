package io.kumo.volume.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A metadata table ({@code volume_metadata}, {@code snapshot_metadata}): key/value rows of one owner. A page of
 * owners reads its metadata in one query, not one per owner.
 */
final class MetadataTable {

    private final NamedParameterJdbcTemplate jdbc;
    private final String table;
    private final String ownerColumn;

    MetadataTable(NamedParameterJdbcTemplate jdbc, String table, String ownerColumn) {
        this.jdbc = jdbc;
        this.table = table;
        this.ownerColumn = ownerColumn;
    }

    /** The metadata of a new owner (no rows to replace, so no delete that would take gap locks). */
    void insert(String ownerId, Map<String, String> metadata) {
        metadata.forEach((k, v) -> jdbc.update("INSERT INTO " + table + " (" + ownerColumn + ", meta_key, meta_value)"
                + " VALUES (:id, :k, :v)", new MapSqlParameterSource("id", ownerId).addValue("k", k).addValue("v", v)));
    }

    void replace(String ownerId, Map<String, String> metadata) {
        delete(ownerId);
        insert(ownerId, metadata);
    }

    void delete(String ownerId) {
        jdbc.update("DELETE FROM " + table + " WHERE " + ownerColumn + " = :id", Map.of("id", ownerId));
    }

    /** Each owner's metadata, ordered by key; owners without any are absent. */
    Map<String, Map<String, String>> of(Collection<String> ownerIds) {
        Map<String, Map<String, String>> byOwner = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return byOwner;
        }
        jdbc.query("SELECT " + ownerColumn + ", meta_key, meta_value FROM " + table + " WHERE " + ownerColumn
                + " IN (:ids) ORDER BY meta_key", Map.of("ids", ownerIds), rs -> {
                    byOwner.computeIfAbsent(rs.getString(1), id -> new LinkedHashMap<>()).put(rs.getString(2),
                            rs.getString(3));
                });
        return byOwner;
    }
}
