package io.kumo.volume.persistence;

import io.kumo.volume.domain.Attachment;
import io.kumo.volume.domain.StorageUsage;
import io.kumo.volume.domain.Volume;
import io.kumo.volume.domain.VolumeQuery;
import io.kumo.volume.domain.VolumeSort;
import io.kumo.volume.domain.VolumeStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Volumes, their metadata and attachments in plain SQL. Every change of a volume's row is a
 * compare-and-set on {@code version}: {@link #update} answers false when someone else changed it since
 * it was read.
 */
@Repository
public class VolumeRecords {

    private static final String COLUMNS = "id, project_id, user_id, name, description, size_gb, status, volume_type_id,"
            + " availability_zone, bootable, snapshot_id, source_volid, image_id, host, backend, location, failure,"
            + " task_deadline, created_at, updated_at, version";

    private final NamedParameterJdbcTemplate jdbc;
    private final MetadataTable metadata;

    public VolumeRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.metadata = new MetadataTable(jdbc, "volume_metadata", "volume_id");
    }

    public void insert(Volume v) {
        jdbc.update("INSERT INTO volumes (" + COLUMNS + ") VALUES (:id, :project, :user, :name, :description, :size,"
                + " :status, :type, :az, :bootable, :snapshot, :source, :image, :host, :backend, :location, :failure,"
                + " :deadline, :created, :updated, 0)", params(v));
        metadata.insert(v.id(), v.metadata());
    }

    /** Compare-and-set of the mutable columns; false when the volume changed since {@code v} was read. */
    public boolean update(Volume v) {
        return jdbc.update("UPDATE volumes SET name = :name, description = :description, size_gb = :size,"
                + " status = :status, bootable = :bootable, host = :host, backend = :backend, location = :location,"
                + " failure = :failure, task_deadline = :deadline, updated_at = :updated, version = version + 1,"
                + " extend_to_gb = CASE WHEN :status = 'extending' THEN extend_to_gb ELSE NULL END"
                + " WHERE id = :id AND version = :version", params(v).addValue("version", v.version())) == 1;
    }

    /** The size an extending volume is to have: counted by {@link #usage} until the extend ends either way. */
    public void setExtendTarget(String id, int sizeGb) {
        jdbc.update("UPDATE volumes SET extend_to_gb = :size WHERE id = :id", Map.of("id", id, "size", sizeGb));
    }

    /** The SQL a sort key orders by: never null, as {@link VolumeSort.Key#valueOf} compares it. */
    private static String sortColumn(VolumeSort.Key key) {
        return switch (key) {
            case CREATED_AT -> "created_at";
            case UPDATED_AT -> "COALESCE(updated_at, created_at)";
            case NAME -> "COALESCE(name, '')";
            case ID -> "id";
            case SIZE -> "size_gb";
            case STATUS -> "status";
            case AVAILABILITY_ZONE -> "COALESCE(availability_zone, '')";
        };
    }

    public Optional<Volume> find(String id) {
        return withDetails(jdbc.query("SELECT " + COLUMNS + " FROM volumes WHERE id = :id", Map.of("id", id),
                (rs, n) -> volume(rs, Map.of(), List.of()))).stream().findFirst();
    }

    /** One page of volumes in the order asked for (the id breaking ties), after {@code marker} when given. */
    public List<Volume> list(VolumeQuery query, VolumeSort sort, Volume marker, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM volumes WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (query.projectId() != null) {
            sql.append(" AND project_id = :project");
            p.addValue("project", query.projectId());
        }
        if (query.name() != null) {
            sql.append(" AND name = :name");
            p.addValue("name", query.name());
        }
        if (query.status() != null) {
            sql.append(" AND status = :status");
            p.addValue("status", query.status().wire());
        }
        if (query.bootable() != null) {
            sql.append(" AND bootable = :bootable");
            p.addValue("bootable", query.bootable());
        }
        if (query.availabilityZone() != null) {
            sql.append(" AND availability_zone = :az");
            p.addValue("az", query.availabilityZone());
        }
        if (query.sizeGb() != null) {
            sql.append(" AND size_gb = :size");
            p.addValue("size", query.sizeGb());
        }
        int item = 0;
        for (Map.Entry<String, String> wanted : query.metadata().entrySet()) {
            sql.append(" AND id IN (SELECT volume_id FROM volume_metadata WHERE meta_key = :mk").append(item)
                    .append(" AND meta_value = :mv").append(item).append(")");
            p.addValue("mk" + item, wanted.getKey()).addValue("mv" + item, wanted.getValue());
            item++;
        }
        String column = sortColumn(sort.key());
        String after = sort.ascending() ? ">" : "<";
        if (marker != null) {
            sql.append(" AND (").append(column).append(" ").append(after).append(" :markerValue OR (").append(column)
                    .append(" = :markerValue AND id ").append(after).append(" :markerId))");
            Object value = sort.key().valueOf(marker);
            p.addValue("markerValue", value instanceof java.time.Instant at ? Timestamps.of(at) : value)
                    .addValue("markerId", marker.id());
        }
        String direction = sort.ascending() ? " ASC" : " DESC";
        sql.append(" ORDER BY ").append(column).append(direction).append(", id").append(direction)
                .append(" LIMIT :limit");
        p.addValue("limit", limit);
        List<Volume> rows = jdbc.query(sql.toString(), p, (rs, n) -> volume(rs, Map.of(), List.of()));
        return withDetails(rows);
    }

    /** Volumes whose host task is overdue at {@code now}. */
    public List<Volume> overdue(Instant now, int limit) {
        List<Volume> rows = jdbc.query("SELECT " + COLUMNS + " FROM volumes WHERE task_deadline < :now"
                + " ORDER BY task_deadline LIMIT :limit", new MapSqlParameterSource("now", Timestamps.of(now))
                        .addValue("limit", limit), (rs, n) -> volume(rs, Map.of(), List.of()));
        return withDetails(rows);
    }

    public void delete(String id) {
        Map<String, String> p = Map.of("id", id);
        metadata.delete(id);
        jdbc.update("DELETE FROM volume_attachments WHERE volume_id = :id", p);
        jdbc.update("DELETE FROM volumes WHERE id = :id", p);
    }

    /** How many volumes the project has and their total size. */
    public StorageUsage usage(String projectId) {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(GREATEST(size_gb, COALESCE(extend_to_gb, 0))), 0)"
                + " FROM volumes WHERE project_id = :p",
                Map.of("p", projectId), (rs, n) -> new StorageUsage(rs.getLong(1), rs.getLong(2)));
    }

    /** Whether a volume is being made from the volume {@code sourceVolId} or the snapshot {@code snapshotId}. */
    public boolean creatingFrom(String sourceVolId, String snapshotId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM volumes WHERE status = 'creating'"
                + " AND (source_volid = :source OR snapshot_id = :snapshot)",
                new MapSqlParameterSource("source", sourceVolId).addValue("snapshot", snapshotId), Integer.class);
        return n != null && n > 0;
    }

    public boolean typeInUse(String typeId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM volumes WHERE volume_type_id = :t", Map.of("t", typeId),
                Integer.class);
        return n != null && n > 0;
    }

    /** The volumes' total size per pool, keyed {@code host + "\n" + backend}. */
    public Map<String, Long> allocatedPerPool() {
        Map<String, Long> allocated = new HashMap<>();
        jdbc.query("SELECT host, backend, SUM(size_gb) FROM volumes WHERE host IS NOT NULL GROUP BY host, backend",
                rs -> {
                    allocated.put(rs.getString(1) + "\n" + rs.getString(2), rs.getLong(3));
                });
        return allocated;
    }

    public void replaceMetadata(String volumeId, Map<String, String> values) {
        metadata.replace(volumeId, values);
    }

    public void insertAttachment(Attachment a) {
        jdbc.update("INSERT INTO volume_attachments (id, volume_id, server_id, host_name, mountpoint, attach_mode,"
                + " attached_at) VALUES (:id, :volume, :server, :host, :mountpoint, :mode, :at)",
                new MapSqlParameterSource("id", a.id()).addValue("volume", a.volumeId())
                        .addValue("server", a.serverId()).addValue("host", a.hostName())
                        .addValue("mountpoint", a.mountpoint()).addValue("mode", a.attachMode())
                        .addValue("at", Timestamps.of(a.attachedAt())));
    }

    public void deleteAttachment(String attachmentId) {
        jdbc.update("DELETE FROM volume_attachments WHERE id = :id", Map.of("id", attachmentId));
    }

    /** The rows with their metadata and attachments, read for the whole page at once. */
    private List<Volume> withDetails(List<Volume> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<String> ids = rows.stream().map(Volume::id).toList();
        Map<String, Map<String, String>> metadataOf = metadata.of(ids);
        Map<String, List<Attachment>> attachmentsOf = new HashMap<>();
        jdbc.query("SELECT id, volume_id, server_id, host_name, mountpoint, attach_mode, attached_at"
                + " FROM volume_attachments WHERE volume_id IN (:ids) ORDER BY attached_at", Map.of("ids", ids),
                rs -> {
                    attachmentsOf.computeIfAbsent(rs.getString(2), id -> new ArrayList<>()).add(new Attachment(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Timestamps.instant(rs.getTimestamp(7))));
                });
        List<Volume> full = new ArrayList<>(rows.size());
        for (Volume v : rows) {
            full.add(new Volume(v.id(), v.projectId(), v.userId(), v.name(), v.description(), v.sizeGb(), v.status(),
                    v.typeId(), v.availabilityZone(), v.bootable(), v.snapshotId(), v.sourceVolId(), v.imageId(),
                    v.host(), v.backend(), v.location(), v.failure(), v.taskDeadline(), v.createdAt(), v.updatedAt(),
                    v.version(), metadataOf.getOrDefault(v.id(), Map.of()), attachmentsOf.getOrDefault(v.id(),
                            List.of())));
        }
        return full;
    }

    private static MapSqlParameterSource params(Volume v) {
        return new MapSqlParameterSource("id", v.id()).addValue("project", v.projectId()).addValue("user", v.userId())
                .addValue("name", v.name()).addValue("description", v.description()).addValue("size", v.sizeGb())
                .addValue("status", v.status().wire()).addValue("type", v.typeId())
                .addValue("az", v.availabilityZone()).addValue("bootable", v.bootable())
                .addValue("snapshot", v.snapshotId()).addValue("source", v.sourceVolId())
                .addValue("image", v.imageId()).addValue("host", v.host()).addValue("backend", v.backend())
                .addValue("location", v.location()).addValue("failure", v.failure())
                .addValue("deadline", Timestamps.of(v.taskDeadline()))
                .addValue("created", Timestamps.of(v.createdAt())).addValue("updated", Timestamps.of(v.updatedAt()));
    }

    private static Volume volume(ResultSet rs, Map<String, String> metadata, List<Attachment> attachments)
            throws SQLException {
        return new Volume(rs.getString("id"), rs.getString("project_id"), rs.getString("user_id"), rs.getString("name"),
                rs.getString("description"), rs.getInt("size_gb"), VolumeStatus.ofWire(rs.getString("status")),
                rs.getString("volume_type_id"), rs.getString("availability_zone"), rs.getBoolean("bootable"),
                rs.getString("snapshot_id"), rs.getString("source_volid"), rs.getString("image_id"),
                rs.getString("host"), rs.getString("backend"), rs.getString("location"), rs.getString("failure"),
                Timestamps.instant(rs.getTimestamp("task_deadline")), Timestamps.instant(rs.getTimestamp("created_at")),
                Timestamps.instant(rs.getTimestamp("updated_at")), rs.getLong("version"), metadata, attachments);
    }
}
