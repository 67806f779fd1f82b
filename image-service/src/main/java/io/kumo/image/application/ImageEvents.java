package io.kumo.image.application;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.image.ImageActivated;
import io.kumo.common.contract.image.ImageDeactivated;
import io.kumo.common.contract.image.ImageDeleted;
import io.kumo.common.contract.image.ImageReactivated;
import io.kumo.common.messaging.jpa.Outbox;
import io.kumo.image.persistence.Image;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** What agents learn about images, on {@code kumo.image.events}, in the transaction of the change. */
@Component
class ImageEvents {

    private final Outbox outbox;

    ImageEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void activated(Image image, Instant at) {
        outbox.publish(Exchanges.IMAGE_EVENTS, ImageActivated.ROUTING_KEY, new ImageActivated(image.id(),
                image.owner(), image.diskFormat(), image.containerFormat(), image.size(), image.osHashAlgo(),
                image.osHashValue(), at));
    }

    void deleted(Image image, Instant at) {
        outbox.publish(Exchanges.IMAGE_EVENTS, ImageDeleted.ROUTING_KEY, new ImageDeleted(image.id(), image.owner(), at));
    }

    void deactivated(Image image, Instant at) {
        outbox.publish(Exchanges.IMAGE_EVENTS, ImageDeactivated.ROUTING_KEY,
                new ImageDeactivated(image.id(), image.owner(), at));
    }

    void reactivated(Image image, Instant at) {
        outbox.publish(Exchanges.IMAGE_EVENTS, ImageReactivated.ROUTING_KEY,
                new ImageReactivated(image.id(), image.owner(), at));
    }
}
