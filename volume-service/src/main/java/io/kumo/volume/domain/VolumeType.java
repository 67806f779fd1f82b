package io.kumo.volume.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A volume type: what users choose between, and through its extra specs what the operator decides for
 * them ({@code volume_backend_name} picks the backend that keeps such volumes).
 */
public record VolumeType(String id, String name, String description, boolean isPublic, Map<String, String> extraSpecs,
        Instant createdAt) {

    /** The extra spec naming the backend, as in Cinder. */
    public static final String BACKEND_SPEC = "volume_backend_name";

    public VolumeType {
        extraSpecs = Map.copyOf(extraSpecs);
    }

    /** The backend its volumes go to, or null when any backend will do. */
    public String backend() {
        return extraSpecs.get(BACKEND_SPEC);
    }
}
