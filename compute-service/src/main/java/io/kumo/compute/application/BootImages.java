package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.compute.client.ImageService;
import io.kumo.compute.domain.Flavor;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The image a server boots (or is rebuilt) from, checked with the caller's rights as Nova checks it: visible,
 * active, and not needing more disk or memory than the flavor has (400 otherwise, in Nova's words).
 */
@Component
public class BootImages {

    private final ImageService images;

    BootImages(ImageService images) {
        this.images = images;
    }

    /** An image and the hypervisor type it needs (null: any). */
    public record BootImage(ImageService.Image image, String hypervisorType) {

        public String id() {
            return image.id();
        }
    }

    public BootImage usable(Caller caller, String imageRef, Flavor flavor) {
        ImageService.Image image = images.get(caller.rawToken(), imageRef);
        if (!"active".equals(image.status())) {
            throw ApiException.badRequest("Image " + image.id() + " is not active.");
        }
        if (image.minDiskGb() > flavor.rootGb() && flavor.rootGb() > 0) {
            throw ApiException.badRequest("Flavor's disk is too small for requested image. Flavor disk is "
                    + flavor.rootGb() + "G, minimum requested disk is " + image.minDiskGb() + "G.");
        }
        if (image.minRamMb() > flavor.ramMb()) {
            throw ApiException.badRequest("Flavor's memory is too small for requested image.");
        }
        return new BootImage(image, hypervisorType(image, flavor));
    }

    /** The image's hypervisor_type property, else the flavor's {@code kumo:hypervisor_type} extra spec. */
    private static String hypervisorType(ImageService.Image image, Flavor flavor) {
        String type = image.properties().get("hypervisor_type");
        if (type == null) {
            type = flavor.extraSpecs().get("kumo:hypervisor_type");
        }
        return type == null ? null : type.toLowerCase(Locale.ROOT);
    }
}
