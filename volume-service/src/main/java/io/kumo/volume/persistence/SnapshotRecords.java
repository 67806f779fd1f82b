package io.kumo.volume.persistence;

import io.kumo.volume.domain.Snapshot;
import io.kumo.volume.domain.SnapshotStatus;
import io.kumo.volume.domain.StorageUsage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Snapshots and their metadata in plain SQL; changes are compare-and-set on {@code version}, as for volumes. */
@Repository
public class SnapshotRecords {

    private static final String COLUMNS = "id, project_id, user_id, volume_id, name, description, size_gb, status,"
            + " host, backend, failure, task_deadline, created_at, updated_at, version";

    private final NamedParameterJdbcTemplate jdbc;
    private final MetadataTable metadata;

    public SnapshotRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.metadata = new MetadataTable(jdbc, "snapshot_metadata", "snapshot_id");
    }

    public void insert(Snapshot s) {
        jdbc.update("INSERT INTO snapshots (" + COLUMNS + ") VALUES (:id, :project, :user, :volume, :name,"
                + " :description, :size, :status, :host, :backend, :failure, :deadline, :created, :updated, 0)",
                params(s));
        metadata.insert(s.id(), s.metadata());
    }

    public boolean update(Snapshot s) {
        return jdbc.update("UPDATE snapshots SET name = :name, description = :description, status = :status,"
                + " failure = :failure, task_deadline = :deadline, updated_at = :updated, version = version + 1"
                + " WHERE id = :id AND version = :version", params(s).addValue("version", s.version())) == 1;
    }

    public Optional<Snapshot> find(String id) {
        return withMetadata(jdbc.query("SELECT " + COLUMNS + " FROM snapshots WHERE id = :id", Map.of("id", id),
                (rs, n) -> snapshot(rs))).stream().findFirst();
    }

    /** One page, newest first, optionally of one project, name, status or volume. */
    public List<Snapshot> list(String projectId, String name, SnapshotStatus status, String volumeId, Snapshot marker,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM snapshots WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (projectId != null) {
            sql.append(" AND project_id = :project");
            p.addValue("project", projectId);
        }
        if (name != null) {
            sql.append(" AND name = :name");
            p.addValue("name", name);
        }
        if (status != null) {
            sql.append(" AND status = :status");
            p.addValue("status", status.wire());
        }
        if (volumeId != null) {
            sql.append(" AND volume_id = :volume");
            p.addValue("volume", volumeId);
        }
        if (marker != null) {
            sql.append(" AND (created_at < :markerCreated OR (created_at = :markerCreated AND id < :markerId))");
            p.addValue("markerCreated", Timestamps.of(marker.createdAt())).addValue("markerId", marker.id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        p.addValue("limit", limit);
        return withMetadata(jdbc.query(sql.toString(), p, (rs, n) -> snapshot(rs)));
    }

    public List<Snapshot> ofVolume(String volumeId) {
        return withMetadata(jdbc.query("SELECT " + COLUMNS + " FROM snapshots WHERE volume_id = :v"
                + " ORDER BY created_at", Map.of("v", volumeId), (rs, n) -> snapshot(rs)));
    }

    public List<Snapshot> overdue(Instant now, int limit) {
        return withMetadata(jdbc.query("SELECT " + COLUMNS + " FROM snapshots WHERE task_deadline < :now"
                + " ORDER BY task_deadline LIMIT :limit", new MapSqlParameterSource("now", Timestamps.of(now))
                        .addValue("limit", limit), (rs, n) -> snapshot(rs)));
    }

    public StorageUsage usage(String projectId) {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(size_gb), 0) FROM snapshots WHERE project_id = :p",
                Map.of("p", projectId), (rs, n) -> new StorageUsage(rs.getLong(1), rs.getLong(2)));
    }

    public void delete(String id) {
        metadata.delete(id);
        jdbc.update("DELETE FROM snapshots WHERE id = :id", Map.of("id", id));
    }

    public void replaceMetadata(String snapshotId, Map<String, String> values) {
        metadata.replace(snapshotId, values);
    }

    /** The rows with their metadata, read for the whole page at once. */
    private List<Snapshot> withMetadata(List<Snapshot> rows) {
        Map<String, Map<String, String>> metadataOf = metadata.of(rows.stream().map(Snapshot::id).toList());
        return rows.stream().map(s -> new Snapshot(s.id(), s.projectId(), s.userId(), s.volumeId(), s.name(),
                s.description(), s.sizeGb(), s.status(), s.host(), s.backend(), s.failure(), s.taskDeadline(),
                s.createdAt(), s.updatedAt(), s.version(), metadataOf.getOrDefault(s.id(), Map.of()))).toList();
    }

    private static MapSqlParameterSource params(Snapshot s) {
        return new MapSqlParameterSource("id", s.id()).addValue("project", s.projectId()).addValue("user", s.userId())
                .addValue("volume", s.volumeId()).addValue("name", s.name()).addValue("description", s.description())
                .addValue("size", s.sizeGb()).addValue("status", s.status().wire()).addValue("host", s.host())
                .addValue("backend", s.backend()).addValue("failure", s.failure())
                .addValue("deadline", Timestamps.of(s.taskDeadline())).addValue("created", Timestamps.of(s.createdAt()))
                .addValue("updated", Timestamps.of(s.updatedAt()));
    }

    private static Snapshot snapshot(ResultSet rs) throws SQLException {
        return new Snapshot(rs.getString("id"), rs.getString("project_id"), rs.getString("user_id"),
                rs.getString("volume_id"), rs.getString("name"), rs.getString("description"), rs.getInt("size_gb"),
                SnapshotStatus.ofWire(rs.getString("status")), rs.getString("host"), rs.getString("backend"),
                rs.getString("failure"),
                Timestamps.instant(rs.getTimestamp("task_deadline")), Timestamps.instant(rs.getTimestamp("created_at")),
                Timestamps.instant(rs.getTimestamp("updated_at")), rs.getLong("version"), Map.of());
    }
}
