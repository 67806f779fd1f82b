package io.kumo.common.contract.image;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * An admin deactivated an image (e.g. it was found to be compromised): no new instance may boot from
 * it and its data is no longer served to non-admins. Published on {@code kumo.image.events} with
 * routing key {@code image.deactivated}.
 */
@MessageType(name = "ImageDeactivated", version = 1)
public record ImageDeactivated(String imageId, String owner, Instant deactivatedAt) {

    public static final String ROUTING_KEY = "image.deactivated";
}
