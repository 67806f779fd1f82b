package io.kumo.volume.domain;

/**
 * A volume list's filters, Cinder's at 3.0; a null filter does not filter.
 *
 * @param projectId the project whose volumes to list; null for every project's (admins with all_tenants)
 */
public record VolumeQuery(String projectId, String name, VolumeStatus status, Boolean bootable,
        String availabilityZone, Integer sizeGb) {
}
