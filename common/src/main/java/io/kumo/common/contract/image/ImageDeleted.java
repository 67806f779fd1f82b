package io.kumo.common.contract.image;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * An image is gone: agents drop it from their caches once no instance uses it. Published on
 * {@code kumo.image.events} with routing key {@code image.deleted}.
 */
@MessageType(name = "ImageDeleted", version = 1)
public record ImageDeleted(String imageId, String owner, Instant deletedAt) {

    public static final String ROUTING_KEY = "image.deleted";
}
