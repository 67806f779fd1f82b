package io.kumo.scheduler.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Consumers (servers, volumes...) and what they hold on which provider. */
@Repository
public class AllocationRecords {

    private final NamedParameterJdbcTemplate jdbc;

    public AllocationRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record ConsumerRow(String uuid, String projectId, String userId, int generation) {
    }

    /** One amount of one class that a consumer holds on one provider. */
    public record AllocationRow(String consumerUuid, String providerUuid, String resourceClass, int used) {
    }

    public Optional<ConsumerRow> consumer(String uuid) {
        return jdbc.query("SELECT uuid, project_id, user_id, generation FROM consumers WHERE uuid = :uuid",
                Map.of("uuid", uuid), (rs, n) -> new ConsumerRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getInt(4))).stream().findFirst();
    }

    public void insertConsumer(String uuid, String projectId, String userId, Instant now) {
        jdbc.update("INSERT INTO consumers (uuid, project_id, user_id, generation, created_at, updated_at)"
                + " VALUES (:uuid, :project, :user, 0, :now, :now)", new MapSqlParameterSource("uuid", uuid)
                        .addValue("project", projectId).addValue("user", userId).addValue("now", Timestamp.from(now)));
    }

    /** Compare-and-set on the consumer's generation; also records a new project/user. */
    public boolean bumpConsumer(String uuid, int expected, String projectId, String userId, Instant now) {
        return jdbc.update("UPDATE consumers SET generation = generation + 1, project_id = :project, user_id = :user,"
                + " updated_at = :now WHERE uuid = :uuid AND generation = :expected",
                new MapSqlParameterSource("uuid", uuid).addValue("expected", expected).addValue("project", projectId)
                        .addValue("user", userId).addValue("now", Timestamp.from(now))) == 1;
    }

    public void deleteConsumer(String uuid) {
        jdbc.update("DELETE FROM consumers WHERE uuid = :uuid", Map.of("uuid", uuid));
    }

    public List<AllocationRow> ofConsumer(String uuid) {
        return jdbc.query("SELECT consumer_uuid, provider_uuid, resource_class, used FROM allocations"
                + " WHERE consumer_uuid = :uuid ORDER BY provider_uuid, resource_class", Map.of("uuid", uuid),
                (rs, n) -> new AllocationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
    }

    public List<AllocationRow> ofProvider(String providerUuid) {
        return jdbc.query("SELECT consumer_uuid, provider_uuid, resource_class, used FROM allocations"
                + " WHERE provider_uuid = :uuid ORDER BY consumer_uuid, resource_class", Map.of("uuid", providerUuid),
                (rs, n) -> new AllocationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
    }

    public void deleteOfConsumer(String uuid) {
        jdbc.update("DELETE FROM allocations WHERE consumer_uuid = :uuid", Map.of("uuid", uuid));
    }

    public void insert(Collection<AllocationRow> rows) {
        List<MapSqlParameterSource> params = new ArrayList<>();
        for (AllocationRow row : rows) {
            params.add(new MapSqlParameterSource("consumer", row.consumerUuid()).addValue("provider", row.providerUuid())
                    .addValue("rc", row.resourceClass()).addValue("used", row.used()));
        }
        jdbc.batchUpdate("INSERT INTO allocations (consumer_uuid, provider_uuid, resource_class, used)"
                + " VALUES (:consumer, :provider, :rc, :used)", params.toArray(MapSqlParameterSource[]::new));
    }

    /** How many consumers hold something on each provider (what os-hypervisors calls running_vms). */
    public Map<String, Long> consumerCounts() {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.query("SELECT provider_uuid, COUNT(DISTINCT consumer_uuid) AS n FROM allocations GROUP BY provider_uuid",
                Map.of(), rs -> {
                    counts.put(rs.getString("provider_uuid"), rs.getLong("n"));
                });
        return counts;
    }

    public boolean providerHasAllocations(String providerUuid) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM allocations WHERE provider_uuid = :uuid", Map.of("uuid", providerUuid),
                Boolean.class));
    }

    /** Amount used per class on one provider. */
    public Map<String, Long> usage(String providerUuid) {
        Map<String, Long> usage = new LinkedHashMap<>();
        jdbc.query("SELECT resource_class, SUM(used) FROM allocations WHERE provider_uuid = :uuid"
                + " GROUP BY resource_class ORDER BY resource_class", Map.of("uuid", providerUuid),
                rs -> {
                    usage.put(rs.getString(1), rs.getLong(2));
                });
        return usage;
    }

    /** Amount used per class by a project's (and optionally one user's) consumers, deployment-wide. */
    public Map<String, Long> usageOfProject(String projectId, String userId) {
        Map<String, Long> usage = new LinkedHashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource("project", projectId).addValue("user", userId);
        jdbc.query("SELECT a.resource_class, SUM(a.used) FROM allocations a JOIN consumers c ON c.uuid = a.consumer_uuid"
                + " WHERE c.project_id = :project" + (userId == null ? "" : " AND c.user_id = :user")
                + " GROUP BY a.resource_class ORDER BY a.resource_class", params, rs -> {
                    usage.put(rs.getString(1), rs.getLong(2));
                });
        return usage;
    }

    /** The provider each of the consumers holds resources on (consumers without allocations are absent). */
    public Map<String, String> providersOf(Collection<String> consumers) {
        if (consumers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> result = new HashMap<>();
        jdbc.query("SELECT DISTINCT consumer_uuid, provider_uuid FROM allocations WHERE consumer_uuid IN (:consumers)",
                Map.of("consumers", consumers), rs -> {
                    result.put(rs.getString(1), rs.getString(2));
                });
        return result;
    }
}
