package io.kumo.volume.domain;

/** The block-storage quotas, by their unified-limit resource names (which are also Cinder's quota keys). */
public enum VolumeQuota {
    VOLUMES("volumes"), GIGABYTES("gigabytes"), SNAPSHOTS("snapshots");

    public static final long UNLIMITED = -1;

    private final String resource;

    VolumeQuota(String resource) {
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
