package io.kumo.dashboard.cloud;

/** A volume snapshot as the volumes page lists it. */
public record SnapshotRow(String id, String name, String status, int sizeGb, String volumeId, String created) {
}
