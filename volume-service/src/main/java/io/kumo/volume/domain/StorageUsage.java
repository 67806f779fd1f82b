package io.kumo.volume.domain;

/** How many volumes (or snapshots) a project has, and their total size. */
public record StorageUsage(long count, long gigabytes) {
}
