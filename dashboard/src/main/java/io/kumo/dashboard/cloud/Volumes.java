package io.kumo.dashboard.cloud;

import static io.kumo.dashboard.cloud.CloudCalls.given;
import static io.kumo.dashboard.cloud.CloudCalls.segment;
import static io.kumo.dashboard.cloud.CloudCalls.text;
import static io.kumo.dashboard.cloud.CloudCalls.typed;
import static io.kumo.dashboard.cloud.CloudCalls.typedNumber;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** volume-service (Cinder v3) as a project member uses it: volumes, snapshots and the project's quotas. */
public class Volumes {

    private static final String SERVICE = "volumev3";

    private final CloudCalls calls;

    public Volumes(CloudCalls calls) {
        this.calls = calls;
    }

    /** Volumes and gigabytes (Cinder's absolute limits). */
    public List<Quota> quotas(CloudSession session) {
        JsonNode a = calls.get(session, SERVICE, "/limits").path("limits").path("absolute");
        return List.of(Quota.of("Volumes", a, "totalVolumesUsed", "maxTotalVolumes", ""),
                Quota.of("Volume storage", a, "totalGigabytesUsed", "maxTotalVolumeGigabytes", "GiB"));
    }

    public List<VolumeRow> volumes(CloudSession session) {
        List<VolumeRow> rows = new ArrayList<>();
        for (JsonNode v : calls.get(session, SERVICE, "/volumes/detail?sort=created_at:desc").path("volumes")) {
            JsonNode attachment = v.path("attachments").path(0);
            rows.add(new VolumeRow(text(v, "id"), text(v, "name"), text(v, "status"), v.path("size").asInt(),
                    text(attachment, "server_id"), text(attachment, "device"), text(v, "created_at")));
        }
        return rows;
    }

    /** Creates a blank volume, or one from a snapshot; the size is sent as typed so Cinder validates it. */
    public String create(CloudSession session, String name, String size, String snapshotId) {
        Map<String, Object> volume = new LinkedHashMap<>();
        volume.put("name", typed(name));
        volume.put("size", typedNumber(size));
        if (given(snapshotId)) {
            volume.put("snapshot_id", snapshotId);
        }
        return text(calls.post(session, SERVICE, "/volumes", Map.of("volume", volume)).path("volume"), "id");
    }

    public void delete(CloudSession session, String id) {
        calls.delete(session, SERVICE, "/volumes/" + segment(id));
    }

    public List<SnapshotRow> snapshots(CloudSession session) {
        List<SnapshotRow> rows = new ArrayList<>();
        calls.get(session, SERVICE, "/snapshots/detail").path("snapshots").forEach(s -> rows.add(new SnapshotRow(
                text(s, "id"), text(s, "name"), text(s, "status"), s.path("size").asInt(), text(s, "volume_id"),
                text(s, "created_at"))));
        return rows;
    }

    public void snapshot(CloudSession session, String volumeId, String name) {
        // force: a snapshot of a volume in use (crash-consistent), as the page offers it for every volume
        calls.post(session, SERVICE, "/snapshots", Map.of("snapshot", Map.of("volume_id", volumeId, "name",
                typed(name), "force", true)));
    }

    public void deleteSnapshot(CloudSession session, String id) {
        calls.delete(session, SERVICE, "/snapshots/" + segment(id));
    }
}
