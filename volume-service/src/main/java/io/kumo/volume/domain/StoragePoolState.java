package io.kumo.volume.domain;

import java.time.Instant;

/**
 * A backend on a storage host as last announced, with what volume-service has placed on it.
 *
 * @param allocatedGb the sizes of the volumes placed on it (thin: may exceed {@code capacityGb})
 */
public record StoragePoolState(String host, String backend, String driver, String availabilityZone, long capacityGb,
        long freeGb, Instant seenAt, long allocatedGb) {

    /** Cinder's host string {@code host@backend#pool} (one pool per backend here). */
    public String cinderHost() {
        return cinderHost(host, backend);
    }

    /** The same string for a volume on {@code backend} of {@code host}; null for a volume on no host. */
    public static String cinderHost(String host, String backend) {
        return host == null ? null : host + "@" + backend + "#" + backend;
    }
}
