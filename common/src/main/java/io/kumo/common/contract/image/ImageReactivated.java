package io.kumo.common.contract.image;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/** A deactivated image is usable again. Routing key {@code image.reactivated} on {@code kumo.image.events}. */
@MessageType(name = "ImageReactivated", version = 1)
public record ImageReactivated(String imageId, String owner, Instant reactivatedAt) {

    public static final String ROUTING_KEY = "image.reactivated";
}
