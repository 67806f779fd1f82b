package io.kumo.scheduler.persistence;

import io.kumo.common.contract.host.HostFacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Hosts as agents announced them and operators set them, and aggregate metadata. */
@Repository
public class HostRecords {

    private final NamedParameterJdbcTemplate jdbc;

    public HostRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record HostRow(String name, String providerUuid, String availabilityZone, String driver, boolean disabled,
            String disabledReason, boolean forcedDown, Instant lastHeartbeat, int buildFailures, Instant createdAt,
            Instant updatedAt, HostFacts facts) {
    }

    public Optional<HostRow> find(String name) {
        return jdbc.query("SELECT * FROM hosts WHERE name = :name", Map.of("name", name), HostRecords::row).stream()
                .findFirst();
    }

    public List<HostRow> all() {
        return jdbc.query("SELECT * FROM hosts ORDER BY name", Map.of(), HostRecords::row);
    }

    public List<HostRow> changedSince(Instant since) {
        return jdbc.query("SELECT * FROM hosts WHERE updated_at >= :since", Map.of("since", Timestamp.from(since)),
                HostRecords::row);
    }

    public void insert(String name, String providerUuid, String zone, String driver, Instant heartbeat, Instant now) {
        jdbc.update("INSERT INTO hosts (name, provider_uuid, availability_zone, driver, disabled, forced_down,"
                + " last_heartbeat, build_failures, created_at, updated_at) VALUES (:name, :provider, :zone, :driver,"
                + " FALSE, FALSE, :heartbeat, 0, :now, :now)", new MapSqlParameterSource("name", name)
                        .addValue("provider", providerUuid).addValue("zone", zone).addValue("driver", driver)
                        .addValue("heartbeat", Timestamp.from(heartbeat)).addValue("now", Timestamp.from(now)));
    }

    /** What the agent reports of its host; a null facts (an older agent) keeps the stored ones. */
    public void facts(String name, HostFacts facts) {
        if (facts == null) {
            return;
        }
        jdbc.update("UPDATE hosts SET host_ip = :ip, hypervisor_type = :type, hypervisor_version = :version,"
                + " cpu_info = :cpu WHERE name = :name", new MapSqlParameterSource("name", name)
                        .addValue("ip", facts.hostIp()).addValue("type", facts.hypervisorType())
                        .addValue("version", facts.hypervisorVersion()).addValue("cpu", facts.cpuInfo()));
    }

    public void announced(String name, String zone, String driver, Instant heartbeat, Instant now) {
        jdbc.update("UPDATE hosts SET availability_zone = :zone, driver = :driver, last_heartbeat = :heartbeat,"
                + " updated_at = :now WHERE name = :name", new MapSqlParameterSource("name", name)
                        .addValue("zone", zone).addValue("driver", driver)
                        .addValue("heartbeat", Timestamp.from(heartbeat)).addValue("now", Timestamp.from(now)));
    }

    public boolean setStatus(String name, boolean disabled, String reason, boolean forcedDown, Instant now) {
        return jdbc.update("UPDATE hosts SET disabled = :disabled, disabled_reason = :reason, forced_down = :forced,"
                + " updated_at = :now WHERE name = :name", new MapSqlParameterSource("name", name)
                        .addValue("disabled", disabled).addValue("reason", reason).addValue("forced", forcedDown)
                        .addValue("now", Timestamp.from(now))) == 1;
    }

    /** Heartbeats are kept in memory and written in batches; only ever moved forward. */
    public void heartbeats(Map<String, Instant> latest) {
        jdbc.batchUpdate("UPDATE hosts SET last_heartbeat = :at WHERE name = :name AND"
                + " (last_heartbeat IS NULL OR last_heartbeat < :at)", latest.entrySet().stream()
                        .map(e -> new MapSqlParameterSource("name", e.getKey()).addValue("at", Timestamp.from(e.getValue())))
                        .toArray(MapSqlParameterSource[]::new));
    }

    public Map<String, Map<String, String>> aggregateMetadata() {
        Map<String, Map<String, String>> result = new HashMap<>();
        jdbc.query("SELECT aggregate_uuid, meta_key, meta_value FROM aggregate_metadata", Map.of(), rs -> {
            result.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
        });
        return result;
    }

    public void replaceAggregateMetadata(String aggregate, Map<String, String> metadata) {
        jdbc.update("DELETE FROM aggregate_metadata WHERE aggregate_uuid = :agg", Map.of("agg", aggregate));
        jdbc.batchUpdate("INSERT INTO aggregate_metadata (aggregate_uuid, meta_key, meta_value) VALUES (:agg, :k, :v)",
                metadata.entrySet().stream().map(e -> new MapSqlParameterSource("agg", aggregate)
                        .addValue("k", e.getKey()).addValue("v", e.getValue())).toArray(MapSqlParameterSource[]::new));
    }

    private static HostRow row(ResultSet rs, int n) throws SQLException {
        Timestamp heartbeat = rs.getTimestamp("last_heartbeat");
        return new HostRow(rs.getString("name"), rs.getString("provider_uuid"), rs.getString("availability_zone"),
                rs.getString("driver"), rs.getBoolean("disabled"), rs.getString("disabled_reason"),
                rs.getBoolean("forced_down"), heartbeat == null ? null : heartbeat.toInstant(),
                rs.getInt("build_failures"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), new HostFacts(rs.getString("host_ip"),
                        rs.getString("hypervisor_type"), rs.getLong("hypervisor_version"), rs.getString("cpu_info")));
    }
}
