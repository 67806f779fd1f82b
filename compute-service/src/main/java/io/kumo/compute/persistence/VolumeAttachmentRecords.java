package io.kumo.compute.persistence;

import io.kumo.compute.domain.VolumeAttachment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code volume_attachments} table. */
@Repository
public class VolumeAttachmentRecords {

    private final NamedParameterJdbcTemplate jdbc;

    public VolumeAttachmentRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the volume, or the server's device, is taken */
    public void insert(VolumeAttachment a) {
        jdbc.update("INSERT INTO volume_attachments (volume_id, server_id, project_id, device, status, request_id,"
                + " created_at, updated_at) VALUES (:volume, :server, :project, :device, :status, :request, :created,"
                + " :updated)", params(a));
    }

    /**
     * Moves the attachment from {@code expected} to its new status; false when it was not in {@code expected} (or
     * the volume is attached to another server by now).
     */
    public boolean update(VolumeAttachment a, VolumeAttachment.Status expected) {
        return jdbc.update("UPDATE volume_attachments SET status = :status, request_id = :request,"
                + " updated_at = :updated WHERE volume_id = :volume AND server_id = :server AND status = :expected",
                params(a).addValue("expected", expected.name())) == 1;
    }

    public boolean delete(String volumeId, VolumeAttachment.Status expected) {
        return jdbc.update("DELETE FROM volume_attachments WHERE volume_id = :volume AND status = :expected",
                Map.of("volume", volumeId, "expected", expected.name())) == 1;
    }

    public Optional<VolumeAttachment> find(String volumeId) {
        return jdbc.query("SELECT * FROM volume_attachments WHERE volume_id = :volume", Map.of("volume", volumeId),
                VolumeAttachmentRecords::row).stream().findFirst();
    }

    /** The attachment, its row locked until the transaction ends (waiting for one that changes it now). */
    public Optional<VolumeAttachment> findForUpdate(String volumeId) {
        return jdbc.query("SELECT * FROM volume_attachments WHERE volume_id = :volume FOR UPDATE",
                Map.of("volume", volumeId), VolumeAttachmentRecords::row).stream().findFirst();
    }

    /** The server's attachments in the order they were made. */
    public List<VolumeAttachment> ofServer(String serverId) {
        return jdbc.query("SELECT * FROM volume_attachments WHERE server_id = :server ORDER BY created_at, volume_id",
                Map.of("server", serverId), VolumeAttachmentRecords::row);
    }

    /** The attached volumes' ids of each of the servers (one query for a page of servers). */
    public Map<String, List<String>> volumeIdsOf(Collection<String> serverIds) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        if (serverIds.isEmpty()) {
            return ids;
        }
        jdbc.query("SELECT server_id, volume_id FROM volume_attachments WHERE server_id IN (:servers)"
                + " ORDER BY created_at, volume_id", Map.of("servers", serverIds), rs -> {
                    ids.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return ids;
    }

    /** Attachments of servers that are deleted (or gone): their volumes are still to be given back. */
    public List<VolumeAttachment> ofDeletedServers(int limit) {
        return jdbc.query("SELECT a.* FROM volume_attachments a LEFT JOIN servers s ON s.id = a.server_id"
                + " WHERE s.id IS NULL OR s.deleted = TRUE ORDER BY a.updated_at LIMIT :limit",
                Map.of("limit", limit), VolumeAttachmentRecords::row);
    }

    /** Attaches and detaches of live servers under way since before {@code cutoff}: their hosts have not answered. */
    public List<VolumeAttachment> unanswered(java.time.Instant cutoff, int limit) {
        return jdbc.query("SELECT a.* FROM volume_attachments a JOIN servers s ON s.id = a.server_id"
                + " WHERE a.status IN ('ATTACHING', 'DETACHING') AND a.updated_at < :cutoff AND s.deleted = FALSE"
                + " ORDER BY a.updated_at LIMIT :limit", new MapSqlParameterSource("cutoff", Timestamp.from(cutoff))
                .addValue("limit", limit), VolumeAttachmentRecords::row);
    }

    private static MapSqlParameterSource params(VolumeAttachment a) {
        return new MapSqlParameterSource("volume", a.volumeId()).addValue("server", a.serverId())
                .addValue("project", a.projectId()).addValue("device", a.device())
                .addValue("status", a.status().name()).addValue("request", a.requestId())
                .addValue("created", Timestamp.from(a.createdAt())).addValue("updated", Timestamp.from(a.updatedAt()));
    }

    private static VolumeAttachment row(ResultSet rs, int n) throws SQLException {
        return new VolumeAttachment(rs.getString("volume_id"), rs.getString("server_id"), rs.getString("project_id"),
                rs.getString("device"), VolumeAttachment.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("request_id"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
