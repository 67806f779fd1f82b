package io.kumo.volume.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.volume.domain.Attachment;
import io.kumo.volume.domain.StoragePoolState;
import io.kumo.volume.domain.Volume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Volumes in Cinder 3.0's exact shape (Tempest's schemas allow nothing else). The extension attributes
 * ({@code os-vol-*}, {@code volume_image_metadata}) appear in show and detail only, never in create and
 * update responses; the host and migration attributes only to admins.
 */
final class VolumeViews {

    private VolumeViews() {
    }

    /** The base of the volume's links: the request's root and the project ({@code http://h:8776}, project id). */
    record Base(String root, String projectId) {

        String self(String collection, String id) {
            return root + "/v3/" + projectId + "/" + collection + "/" + id;
        }

        String bookmark(String collection, String id) {
            return root + "/" + projectId + "/" + collection + "/" + id;
        }

        List<Map<String, String>> links(String collection, String id) {
            return List.of(Map.of("href", self(collection, id), "rel", "self"),
                    Map.of("href", bookmark(collection, id), "rel", "bookmark"));
        }
    }

    static Map<String, Object> summary(Volume v, Base base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("name", v.name());
        m.put("links", base.links("volumes", v.id()));
        return m;
    }

    /** Create and update responses. */
    static Map<String, Object> basic(Volume v, String typeName, Caller caller, Base base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attachments", v.attachments().stream().map(a -> attachment(a, caller)).toList());
        m.put("availability_zone", v.availabilityZone());
        m.put("bootable", v.bootable() ? "true" : "false");
        m.put("consistencygroup_id", null);
        m.put("created_at", CinderTime.format(v.createdAt()));
        m.put("description", v.description());
        m.put("encrypted", false);
        m.put("id", v.id());
        m.put("links", base.links("volumes", v.id()));
        m.put("metadata", v.metadata());
        if (Policy.isAdmin(caller)) {
            m.put("migration_status", null);
        }
        m.put("multiattach", false);
        m.put("name", v.name());
        m.put("replication_status", null);
        m.put("size", v.sizeGb());
        m.put("snapshot_id", v.snapshotId());
        m.put("source_volid", v.sourceVolId());
        m.put("status", v.status().wire());
        m.put("updated_at", CinderTime.format(v.updatedAt()));
        m.put("user_id", v.userId());
        m.put("volume_type", typeName);
        return m;
    }

    /** Show and detail: the basic view with the extension attributes the caller may see. */
    static Map<String, Object> detail(Volume v, String typeName, Caller caller, Base base) {
        Map<String, Object> m = basic(v, typeName, caller, base);
        m.put("os-vol-tenant-attr:tenant_id", v.projectId());
        if (Policy.isAdmin(caller)) {
            m.put("os-vol-host-attr:host", StoragePoolState.cinderHost(v.host(), v.backend()));
            m.put("os-vol-mig-status-attr:migstat", null);
            m.put("os-vol-mig-status-attr:name_id", null);
        }
        if (v.imageId() != null) {
            m.put("volume_image_metadata", Map.of("image_id", v.imageId()));
        }
        return m;
    }

    private static Map<String, Object> attachment(Attachment a, Caller caller) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.volumeId());
        m.put("attachment_id", a.id());
        m.put("volume_id", a.volumeId());
        m.put("server_id", a.serverId());
        m.put("host_name", Policy.isAdmin(caller) || Policy.isService(caller) ? a.hostName() : null);
        m.put("device", a.mountpoint());
        m.put("attached_at", CinderTime.format(a.attachedAt()));
        return m;
    }
}
