package io.kumo.scheduler.persistence;

import io.kumo.scheduler.domain.Inventory;
import io.kumo.scheduler.domain.ProviderState;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Resource providers with their inventories, traits and aggregates, in plain SQL: placement's writes
 * are compare-and-set updates of a generation and set-wise replacements, which JPA would only hide.
 */
@Repository
public class ProviderRecords {

    private static final String COLUMNS = "uuid, name, generation, parent_uuid, root_uuid, created_at, updated_at";

    private final NamedParameterJdbcTemplate jdbc;

    public ProviderRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record ProviderRow(String uuid, String name, int generation, String parentUuid, String rootUuid,
            Instant createdAt, Instant updatedAt) {
    }

    public void insert(String uuid, String name, String parentUuid, String rootUuid, Instant now) {
        jdbc.update("INSERT INTO resource_providers (" + COLUMNS + ") VALUES (:uuid, :name, 0, :parent, :root, :now, :now)",
                new MapSqlParameterSource("uuid", uuid).addValue("name", name).addValue("parent", parentUuid)
                        .addValue("root", rootUuid).addValue("now", Timestamp.from(now)));
    }

    public Optional<ProviderRow> find(String uuid) {
        return jdbc.query("SELECT " + COLUMNS + " FROM resource_providers WHERE uuid = :uuid",
                Map.of("uuid", uuid), ProviderRecords::row).stream().findFirst();
    }

    public Optional<ProviderRow> findByName(String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM resource_providers WHERE name = :name",
                Map.of("name", name), ProviderRecords::row).stream().findFirst();
    }

    /** Providers by optional exact name and uuid, ordered by name. */
    public List<ProviderRow> list(String name, String uuid) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM resource_providers WHERE 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (name != null) {
            sql.append(" AND name = :name");
            params.addValue("name", name);
        }
        if (uuid != null) {
            sql.append(" AND uuid = :uuid");
            params.addValue("uuid", uuid);
        }
        return jdbc.query(sql.append(" ORDER BY name").toString(), params, ProviderRecords::row);
    }

    public boolean hasChildren(String uuid) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM resource_providers WHERE parent_uuid = :uuid", Map.of("uuid", uuid),
                Boolean.class));
    }

    /** Compare-and-set: moves the generation on only if it is still {@code expected}. */
    public boolean bumpGeneration(String uuid, int expected, Instant now) {
        return jdbc.update("UPDATE resource_providers SET generation = generation + 1, updated_at = :now"
                + " WHERE uuid = :uuid AND generation = :expected", new MapSqlParameterSource("uuid", uuid)
                        .addValue("expected", expected).addValue("now", Timestamp.from(now))) == 1;
    }

    /** Moves the generation on unconditionally: for releases, which can never overbook. */
    public void touch(String uuid, Instant now) {
        jdbc.update("UPDATE resource_providers SET generation = generation + 1, updated_at = :now WHERE uuid = :uuid",
                new MapSqlParameterSource("uuid", uuid).addValue("now", Timestamp.from(now)));
    }

    public void update(String uuid, String name, String parentUuid, String rootUuid, Instant now) {
        jdbc.update("UPDATE resource_providers SET name = :name, parent_uuid = :parent, root_uuid = :root,"
                + " updated_at = :now WHERE uuid = :uuid", new MapSqlParameterSource("uuid", uuid)
                        .addValue("name", name).addValue("parent", parentUuid).addValue("root", rootUuid)
                        .addValue("now", Timestamp.from(now)));
    }

    public void delete(String uuid) {
        jdbc.update("DELETE FROM resource_providers WHERE uuid = :uuid", Map.of("uuid", uuid));
    }

    public Map<String, Inventory> inventories(String uuid) {
        Map<String, Inventory> result = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM inventories WHERE provider_uuid = :uuid ORDER BY resource_class", Map.of("uuid", uuid),
                rs -> {
                    result.put(rs.getString("resource_class"), inventory(rs));
                });
        return result;
    }

    public void replaceInventories(String uuid, Map<String, Inventory> inventories) {
        jdbc.update("DELETE FROM inventories WHERE provider_uuid = :uuid", Map.of("uuid", uuid));
        List<MapSqlParameterSource> rows = new ArrayList<>();
        inventories.forEach((rc, inv) -> rows.add(new MapSqlParameterSource("uuid", uuid).addValue("rc", rc)
                .addValue("total", inv.total()).addValue("reserved", inv.reserved()).addValue("min", inv.minUnit())
                .addValue("max", inv.maxUnit()).addValue("step", inv.stepSize()).addValue("ratio", inv.allocationRatio())));
        jdbc.batchUpdate("INSERT INTO inventories (provider_uuid, resource_class, total, reserved, min_unit, max_unit,"
                + " step_size, allocation_ratio) VALUES (:uuid, :rc, :total, :reserved, :min, :max, :step, :ratio)",
                rows.toArray(MapSqlParameterSource[]::new));
    }

    public Set<String> traits(String uuid) {
        return new java.util.TreeSet<>(jdbc.queryForList("SELECT trait FROM provider_traits WHERE provider_uuid = :uuid",
                Map.of("uuid", uuid), String.class));
    }

    public void replaceTraits(String uuid, Collection<String> traits) {
        jdbc.update("DELETE FROM provider_traits WHERE provider_uuid = :uuid", Map.of("uuid", uuid));
        jdbc.batchUpdate("INSERT INTO provider_traits (provider_uuid, trait) VALUES (:uuid, :trait)",
                traits.stream().map(t -> new MapSqlParameterSource("uuid", uuid).addValue("trait", t))
                        .toArray(MapSqlParameterSource[]::new));
    }

    public boolean traitInUse(String trait) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM provider_traits WHERE trait = :trait",
                Map.of("trait", trait), Boolean.class));
    }

    public Set<String> traitsInUse() {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT trait FROM provider_traits", Map.of(), String.class));
    }

    public boolean resourceClassInUse(String resourceClass) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM inventories WHERE resource_class = :rc", Map.of("rc", resourceClass),
                Boolean.class));
    }

    public Set<String> aggregates(String uuid) {
        return new java.util.TreeSet<>(jdbc.queryForList(
                "SELECT aggregate_uuid FROM provider_aggregates WHERE provider_uuid = :uuid", Map.of("uuid", uuid),
                String.class));
    }

    public void replaceAggregates(String uuid, Collection<String> aggregates) {
        jdbc.update("DELETE FROM provider_aggregates WHERE provider_uuid = :uuid", Map.of("uuid", uuid));
        jdbc.batchUpdate("INSERT INTO provider_aggregates (provider_uuid, aggregate_uuid) VALUES (:uuid, :agg)",
                aggregates.stream().map(a -> new MapSqlParameterSource("uuid", uuid).addValue("agg", a))
                        .toArray(MapSqlParameterSource[]::new));
    }

    /** Providers changed at or after {@code since} (generation bumps and renames move updated_at). */
    public List<String> changedSince(Instant since) {
        return jdbc.queryForList("SELECT uuid FROM resource_providers WHERE updated_at >= :since",
                Map.of("since", Timestamp.from(since)), String.class);
    }

    /**
     * Full states; all providers when uuids is null. The generations are read first: under READ COMMITTED
     * every statement sees its own snapshot, so usage read afterwards includes at least every claim that
     * generation had seen. A state is therefore never older in usage than in generation, and a
     * compare-and-set on its generation can never land on top of a claim it did not count.
     */
    public Map<String, ProviderState> states(Collection<String> uuids) {
        if (uuids != null && uuids.isEmpty()) {
            return Map.of();
        }
        String where = uuids == null ? "" : " WHERE provider_uuid IN (:uuids)";
        MapSqlParameterSource params = new MapSqlParameterSource("uuids", uuids);
        List<ProviderRow> rows = jdbc.query("SELECT " + COLUMNS + " FROM resource_providers"
                + (uuids == null ? "" : " WHERE uuid IN (:uuids)") + " ORDER BY name", params, ProviderRecords::row);
        Map<String, Map<String, Inventory>> inventories = new HashMap<>();
        jdbc.query("SELECT * FROM inventories" + where, params, rs -> {
            inventories.computeIfAbsent(rs.getString("provider_uuid"), k -> new HashMap<>())
                    .put(rs.getString("resource_class"), inventory(rs));
        });
        Map<String, Map<String, Long>> usages = new HashMap<>();
        jdbc.query("SELECT provider_uuid, resource_class, SUM(used) AS used FROM allocations" + where
                + " GROUP BY provider_uuid, resource_class", params, rs -> {
                    usages.computeIfAbsent(rs.getString("provider_uuid"), k -> new HashMap<>())
                            .put(rs.getString("resource_class"), rs.getLong("used"));
                });
        Map<String, Set<String>> traits = new HashMap<>();
        jdbc.query("SELECT provider_uuid, trait FROM provider_traits" + where, params, rs -> {
            traits.computeIfAbsent(rs.getString("provider_uuid"), k -> new HashSet<>()).add(rs.getString("trait"));
        });
        Map<String, Set<String>> aggregates = new HashMap<>();
        jdbc.query("SELECT provider_uuid, aggregate_uuid FROM provider_aggregates" + where, params, rs -> {
            aggregates.computeIfAbsent(rs.getString("provider_uuid"), k -> new HashSet<>())
                    .add(rs.getString("aggregate_uuid"));
        });
        Map<String, ProviderState> states = new LinkedHashMap<>();
        for (ProviderRow p : rows) {
            states.put(p.uuid(), new ProviderState(p.uuid(), p.name(), p.generation(), p.rootUuid(), p.parentUuid(),
                    inventories.getOrDefault(p.uuid(), Map.of()), usages.getOrDefault(p.uuid(), Map.of()),
                    traits.getOrDefault(p.uuid(), Set.of()), aggregates.getOrDefault(p.uuid(), Set.of())));
        }
        return states;
    }

    private static Inventory inventory(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Inventory(rs.getInt("total"), rs.getInt("reserved"), rs.getInt("min_unit"), rs.getInt("max_unit"),
                rs.getInt("step_size"), rs.getDouble("allocation_ratio"));
    }

    private static ProviderRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ProviderRow(rs.getString("uuid"), rs.getString("name"), rs.getInt("generation"),
                rs.getString("parent_uuid"), rs.getString("root_uuid"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
