package io.kumo.image.application;

import io.kumo.common.error.ApiException;
import io.kumo.image.domain.ImageAccess;
import io.kumo.image.domain.Visibility;
import io.kumo.image.persistence.Image;
import io.kumo.image.persistence.ImageMemberRepository;
import io.kumo.image.persistence.ImageRepository;

/** Finds an image the caller can see; any other is "not found", never "forbidden". */
final class ImageLookup {

    private ImageLookup() {
    }

    /** @param members null when the caller is known not to need membership (owner-only operations) */
    static Image visible(ImageRepository images, ImageAccess.Viewer viewer, String id, ImageMemberRepository members) {
        Image image = images.findById(id).orElseThrow(() -> notFound(id));
        boolean member = image.visibility() == Visibility.SHARED && members != null && viewer.project() != null
                && members.find(id, viewer.project()).isPresent();
        if (!ImageAccess.canSee(viewer, image.owner(), image.visibility(), member)) {
            throw notFound(id);
        }
        return image;
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("No image found with ID " + id);
    }
}
