package io.kumo.volume.persistence;

import io.kumo.volume.domain.VolumeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Volume types and their extra specs in plain SQL. */
@Repository
public class VolumeTypeRecords {

    private final NamedParameterJdbcTemplate jdbc;

    public VolumeTypeRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(VolumeType t) {
        jdbc.update("INSERT INTO volume_types (id, name, description, is_public, created_at)"
                + " VALUES (:id, :name, :description, :public, :created)", new MapSqlParameterSource("id", t.id())
                        .addValue("name", t.name()).addValue("description", t.description())
                        .addValue("public", t.isPublic()).addValue("created", Timestamps.of(t.createdAt())));
        replaceExtraSpecs(t.id(), t.extraSpecs());
    }

    public void update(VolumeType t) {
        jdbc.update("UPDATE volume_types SET name = :name, description = :description, is_public = :public"
                + " WHERE id = :id", new MapSqlParameterSource("id", t.id()).addValue("name", t.name())
                        .addValue("description", t.description()).addValue("public", t.isPublic()));
        replaceExtraSpecs(t.id(), t.extraSpecs());
    }

    public Optional<VolumeType> find(String id) {
        return one("WHERE id = :v", id);
    }

    public Optional<VolumeType> findByName(String name) {
        return one("WHERE name = :v", name);
    }

    public List<VolumeType> list() {
        return jdbc.query("SELECT id, name, description, is_public, created_at FROM volume_types ORDER BY name",
                (rs, n) -> new VolumeType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        Map.of(), Timestamps.instant(rs.getTimestamp(5)))).stream().map(this::withSpecs).toList();
    }

    public void delete(String id) {
        jdbc.update("DELETE FROM volume_type_extra_specs WHERE type_id = :id", Map.of("id", id));
        jdbc.update("DELETE FROM volume_types WHERE id = :id", Map.of("id", id));
    }

    private Optional<VolumeType> one(String where, String value) {
        return jdbc.query("SELECT id, name, description, is_public, created_at FROM volume_types " + where,
                Map.of("v", value), (rs, n) -> new VolumeType(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), Map.of(), Timestamps.instant(rs.getTimestamp(5)))).stream().findFirst()
                .map(this::withSpecs);
    }

    private VolumeType withSpecs(VolumeType t) {
        Map<String, String> specs = new LinkedHashMap<>();
        jdbc.query("SELECT spec_key, spec_value FROM volume_type_extra_specs WHERE type_id = :id ORDER BY spec_key",
                Map.of("id", t.id()), rs -> {
                    specs.put(rs.getString(1), rs.getString(2));
                });
        return new VolumeType(t.id(), t.name(), t.description(), t.isPublic(), specs, t.createdAt());
    }

    private void replaceExtraSpecs(String typeId, Map<String, String> specs) {
        jdbc.update("DELETE FROM volume_type_extra_specs WHERE type_id = :id", Map.of("id", typeId));
        specs.forEach((k, v) -> jdbc.update("INSERT INTO volume_type_extra_specs (type_id, spec_key, spec_value)"
                + " VALUES (:id, :k, :v)", new MapSqlParameterSource("id", typeId).addValue("k", k).addValue("v", v)));
    }
}
