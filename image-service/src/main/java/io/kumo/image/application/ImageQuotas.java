package io.kumo.image.application;

import io.kumo.common.client.UnifiedLimits;
import io.kumo.common.error.ApiException;
import io.kumo.image.domain.ImageStatus;
import io.kumo.image.persistence.ImageRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Glance's unified-limits quotas: {@code image_count_total} images and {@code image_size_total} MiB of
 * image data per project (active images plus the bytes uploads in progress have reserved). Exceeding
 * one is a 413, as Glance answers.
 */
@Component
class ImageQuotas {

    static final String IMAGE_COUNT = "image_count_total";
    static final String IMAGE_SIZE = "image_size_total";
    private static final long MIB = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ImageQuotas.class);

    private final UnifiedLimits limits;
    private final ImageRepository images;
    private final long sizeCap;

    /** @param sizeCap the largest image accepted at all (Glance's {@code image_size_cap}), quota or not */
    ImageQuotas(ObjectProvider<UnifiedLimits> limits, ImageRepository images,
            @Value("${image.size-cap:1TB}") DataSize sizeCap) {
        this.limits = limits.getIfAvailable();
        this.images = images;
        this.sizeCap = sizeCap.toBytes();
        if (this.limits == null) {
            log.warn("No service credentials for identity (kumo.identity.*): image quotas are not enforced");
        }
    }

    /** Before a new image row: one more must fit. */
    void checkImageCount(String project) {
        long limit = limit(project, IMAGE_COUNT);
        long used = images.countByOwner(project);
        if (limit != UnifiedLimits.UNLIMITED && used + 1 > limit) {
            throw overLimit(IMAGE_COUNT, used + 1, limit);
        }
    }

    /**
     * Bytes one upload may have: what the project may still store beyond its images and the other
     * uploads' reservations ({@code alreadyReservedHere} is this upload's own), and never more than
     * the size cap.
     */
    long remainingBytes(String project, long alreadyReservedHere) {
        long limit = limit(project, IMAGE_SIZE);
        if (limit == UnifiedLimits.UNLIMITED) {
            return sizeCap;
        }
        long used = images.storedBytes(project, List.of(ImageStatus.ACTIVE, ImageStatus.DEACTIVATED))
                + images.reservedBytes(project, ImageStatus.SAVING) - alreadyReservedHere;
        return Math.min(sizeCap, Math.max(0, limit * MIB - used));
    }

    static ApiException overLimit(String resource, long attempted, long maximum) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Quota exceeded for " + resource + ": Attempted: "
                + attempted + ", Maximum: " + maximum + ".");
    }

    private long limit(String project, String resource) {
        if (limits == null) {
            return UnifiedLimits.UNLIMITED;
        }
        try {
            return limits.limit(project, resource);
        } catch (RuntimeException e) {
            log.warn("Could not read the {} limit of project {}: {}", resource, project, e.toString());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "The image quota could not be checked because identity is unreachable; retry later.");
        }
    }
}
