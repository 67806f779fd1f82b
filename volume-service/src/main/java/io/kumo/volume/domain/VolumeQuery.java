package io.kumo.volume.domain;

/**
 * A volume list's filters, Cinder's at 3.0; a null filter does not filter.
 *
 * @param projectId the project whose volumes to list; null for every project's (admins with all_tenants)
 * @param metadata  items a volume's metadata must all have; empty for any
 */
public record VolumeQuery(String projectId, String name, VolumeStatus status, Boolean bootable,
        String availabilityZone, Integer sizeGb, java.util.Map<String, String> metadata) {

    public VolumeQuery {
        metadata = metadata == null ? java.util.Map.of() : java.util.Map.copyOf(metadata);
    }

    /** The same filters for another project (or every project, with null). */
    public VolumeQuery inProject(String project) {
        return new VolumeQuery(project, name, status, bootable, availabilityZone, sizeGb, metadata);
    }
}
