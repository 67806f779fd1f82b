package io.kumo.compute.persistence;

import io.kumo.compute.domain.Flavor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Flavors, their extra specs and the projects a private flavor is shared with, in plain SQL. */
@Repository
public class FlavorRecords {

    private final NamedParameterJdbcTemplate jdbc;

    public FlavorRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Flavor f, Instant now) {
        jdbc.update("INSERT INTO flavors (id, name, vcpus, ram_mb, root_gb, ephemeral_gb, swap_mb, rxtx_factor,"
                + " is_public, disabled, created_at) VALUES (:id, :name, :vcpus, :ram, :root, :eph, :swap, :rxtx,"
                + " :public, :disabled, :now)", new MapSqlParameterSource("id", f.id()).addValue("name", f.name())
                        .addValue("vcpus", f.vcpus()).addValue("ram", f.ramMb()).addValue("root", f.rootGb())
                        .addValue("eph", f.ephemeralGb()).addValue("swap", f.swapMb())
                        .addValue("rxtx", f.rxtxFactor()).addValue("public", f.isPublic())
                        .addValue("disabled", f.disabled()).addValue("now", Timestamp.from(now)));
    }

    public boolean existsById(String id) {
        return count("SELECT COUNT(*) FROM flavors WHERE id = :v", id) > 0;
    }

    public boolean existsByName(String name) {
        return count("SELECT COUNT(*) FROM flavors WHERE name = :v", name) > 0;
    }

    public long countAll() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM flavors", Map.of(), Long.class);
        return n == null ? 0 : n;
    }

    public Optional<Flavor> find(String id) {
        List<Flavor> found = jdbc.query("SELECT * FROM flavors WHERE id = :id", Map.of("id", id), FlavorRecords::row);
        return found.stream().findFirst().map(f -> f.withExtraSpecs(extraSpecs(f.id())));
    }

    /** All flavors ordered by flavorid, with their extra specs. */
    public List<Flavor> all() {
        Map<String, Map<String, String>> specs = new HashMap<>();
        jdbc.query("SELECT flavor_id, spec_key, spec_value FROM flavor_extra_specs", Map.of(), rs -> {
            specs.computeIfAbsent(rs.getString("flavor_id"), k -> new TreeMap<>())
                    .put(rs.getString("spec_key"), rs.getString("spec_value"));
        });
        return jdbc.query("SELECT * FROM flavors ORDER BY id", Map.of(), FlavorRecords::row).stream()
                .map(f -> f.withExtraSpecs(specs.getOrDefault(f.id(), Map.of()))).toList();
    }

    public void delete(String id) {
        jdbc.update("DELETE FROM flavors WHERE id = :id", Map.of("id", id));
    }

    public Map<String, String> extraSpecs(String flavorId) {
        Map<String, String> specs = new TreeMap<>();
        jdbc.query("SELECT spec_key, spec_value FROM flavor_extra_specs WHERE flavor_id = :id", Map.of("id", flavorId),
                rs -> {
                    specs.put(rs.getString("spec_key"), rs.getString("spec_value"));
                });
        return specs;
    }

    public void putExtraSpec(String flavorId, String key, String value) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", flavorId).addValue("k", key).addValue("v", value);
        if (jdbc.update("UPDATE flavor_extra_specs SET spec_value = :v WHERE flavor_id = :id AND spec_key = :k",
                params) == 0) {
            jdbc.update("INSERT INTO flavor_extra_specs (flavor_id, spec_key, spec_value) VALUES (:id, :k, :v)", params);
        }
    }

    public boolean deleteExtraSpec(String flavorId, String key) {
        return jdbc.update("DELETE FROM flavor_extra_specs WHERE flavor_id = :id AND spec_key = :k",
                new MapSqlParameterSource("id", flavorId).addValue("k", key)) == 1;
    }

    public List<String> projects(String flavorId) {
        return jdbc.queryForList("SELECT project_id FROM flavor_projects WHERE flavor_id = :id ORDER BY project_id",
                Map.of("id", flavorId), String.class);
    }

    /** Flavor ids shared with {@code projectId}. */
    public List<String> sharedWith(String projectId) {
        return jdbc.queryForList("SELECT flavor_id FROM flavor_projects WHERE project_id = :p", Map.of("p", projectId),
                String.class);
    }

    public boolean addProject(String flavorId, String projectId) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", flavorId).addValue("p", projectId);
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM flavor_projects WHERE flavor_id = :id AND project_id = :p",
                params, Long.class);
        if (n != null && n > 0) {
            return false;
        }
        jdbc.update("INSERT INTO flavor_projects (flavor_id, project_id) VALUES (:id, :p)", params);
        return true;
    }

    public boolean removeProject(String flavorId, String projectId) {
        return jdbc.update("DELETE FROM flavor_projects WHERE flavor_id = :id AND project_id = :p",
                new MapSqlParameterSource("id", flavorId).addValue("p", projectId)) == 1;
    }

    private long count(String sql, String value) {
        Long n = jdbc.queryForObject(sql, Map.of("v", value), Long.class);
        return n == null ? 0 : n;
    }

    private static Flavor row(ResultSet rs, int n) throws SQLException {
        return new Flavor(rs.getString("id"), rs.getString("name"), rs.getInt("vcpus"), rs.getInt("ram_mb"),
                rs.getInt("root_gb"), rs.getInt("ephemeral_gb"), rs.getInt("swap_mb"), rs.getDouble("rxtx_factor"),
                rs.getBoolean("is_public"), rs.getBoolean("disabled"), Map.of());
    }
}
