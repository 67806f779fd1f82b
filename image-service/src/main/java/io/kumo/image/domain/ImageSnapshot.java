package io.kumo.image.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** An image as the API shows it, read in one transaction. */
public record ImageSnapshot(String id, String owner, ImageStatus status, ImageAttributes attributes, Long size,
        Long virtualSize, String checksum, String osHashAlgo, String osHashValue, Instant createdAt,
        Instant updatedAt) {

    public String name() {
        return attributes.name();
    }

    public Visibility visibility() {
        return attributes.visibility();
    }

    public Map<String, String> properties() {
        return attributes.properties();
    }

    public Set<String> tags() {
        return attributes.tags();
    }
}
