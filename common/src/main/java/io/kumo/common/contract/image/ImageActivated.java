package io.kumo.common.contract.image;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * An image's data is stored, verified and usable: agents may fetch it. Published on
 * {@code kumo.image.events} with routing key {@code image.activated}.
 */
@MessageType(name = "ImageActivated", version = 1)
public record ImageActivated(String imageId, String owner, String diskFormat, String containerFormat, long size,
        String osHashAlgo, String osHashValue, Instant activatedAt) {

    public static final String ROUTING_KEY = "image.activated";
}
