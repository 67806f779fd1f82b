package io.kumo.image.application;

import io.kumo.common.error.ApiException;
import io.kumo.image.domain.ImageAccess;
import io.kumo.image.domain.ImageAttributes;
import io.kumo.image.domain.ImagePatcher;
import io.kumo.image.domain.ImageQuery;
import io.kumo.image.domain.ImageRules;
import io.kumo.image.domain.ImageSnapshot;
import io.kumo.image.domain.ImageStatus;
import io.kumo.image.domain.NewImage;
import io.kumo.image.domain.PatchOperation;
import io.kumo.image.domain.Visibility;
import io.kumo.image.persistence.Image;
import io.kumo.image.persistence.ImageMemberRepository;
import io.kumo.image.persistence.ImagePager;
import io.kumo.image.persistence.ImageRepository;
import io.kumo.image.persistence.ImageSpecifications;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Image records: create, show, list, JSON-patch, tags, delete. */
@Service
public class ImageService {

    private final ImageRepository images;
    private final ImageMemberRepository members;
    private final ImageQuotas quotas;
    private final ImageEvents events;
    private final ImageDataRemover dataRemover;
    private final ImagePager pager;
    private final Clock clock;

    ImageService(ImageRepository images, ImageMemberRepository members, ImageQuotas quotas, ImageEvents events,
            ImageDataRemover dataRemover, ImagePager pager, Clock clock) {
        this.images = images;
        this.members = members;
        this.quotas = quotas;
        this.events = events;
        this.dataRemover = dataRemover;
        this.pager = pager;
        this.clock = clock;
    }

    @Transactional
    public ImageSnapshot create(ImageAccess.Viewer viewer, NewImage request) {
        if (viewer.project() == null) {
            throw ApiException.forbidden("Creating an image needs a project-scoped token.");
        }
        if (!viewer.member() && !viewer.admin()) {
            throw ApiException.forbidden("You are not authorized to create images in project " + viewer.project() + ".");
        }
        requireMayPublish(viewer, request.attributes().visibility());
        String owner = request.owner() != null ? request.owner() : viewer.project();
        if (!owner.equals(viewer.project()) && !viewer.admin()) {
            throw ApiException.forbidden("You are not permitted to create images owned by '" + owner + "'.");
        }
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        if (request.id() != null && images.existsById(id)) {
            throw ApiException.conflict("An image with identifier " + id + " already exists.");
        }
        quotas.checkImageCount(owner);
        // a concurrent create with the same id fails on the primary key (409 through the error handler)
        Image image = images.saveAndFlush(new Image(id, owner, request.attributes(), clock.instant()));
        return image.snapshot();
    }

    @Transactional(readOnly = true)
    public ImageSnapshot get(ImageAccess.Viewer viewer, String id) {
        return ImageLookup.visible(images, viewer, id, members).snapshot();
    }

    /** One page, plus whether another follows; {@code marker} must be an image the caller can see. */
    @Transactional(readOnly = true)
    public Page list(ImageQuery query, String marker, int limit) {
        Image after = null;
        if (marker != null) {
            ImageAccess.Viewer viewer = new ImageAccess.Viewer(null, query.viewerProject(), query.admin(), false, false);
            try {
                after = ImageLookup.visible(images, viewer, marker, members);
            } catch (ApiException notVisible) {
                throw ApiException.badRequest("marker " + marker + " could not be found.");
            }
        }
        List<Image> found = pager.find(ImageSpecifications.matching(query), ImageSpecifications.keys(query.sort()),
                after == null ? null : after.id(), limit + 1);
        boolean more = found.size() > limit;
        List<ImageSnapshot> page = found.stream().limit(limit).map(Image::snapshot).toList();
        return new Page(page, more);
    }

    @Transactional
    public ImageSnapshot patch(ImageAccess.Viewer viewer, String id, List<PatchOperation> operations) {
        Image image = modifiable(viewer, id);
        ImageAttributes changed = ImagePatcher.apply(image.attributes(), image.status(), operations);
        if (changed.visibility() != image.visibility()) {
            requireMayPublish(viewer, changed.visibility());
        }
        image.apply(changed, clock.instant());
        return image.snapshot();
    }

    @Transactional
    public void addTag(ImageAccess.Viewer viewer, String id, String tag) {
        Image image = modifiable(viewer, id);
        String valid = ImageRules.tag(tag);
        if (!image.tags().contains(valid) && image.tags().size() >= ImageRules.MAX_TAGS) {
            throw ImageQuotas.overLimit("image_tag_quota", image.tags().size() + 1, ImageRules.MAX_TAGS);
        }
        image.addTag(valid, clock.instant());
    }

    @Transactional
    public void removeTag(ImageAccess.Viewer viewer, String id, String tag) {
        Image image = modifiable(viewer, id);
        if (!image.removeTag(tag, clock.instant())) {
            throw ApiException.notFound("Tag " + tag + " not found on image " + id + ".");
        }
    }

    @Transactional
    public void delete(ImageAccess.Viewer viewer, String id) {
        Image image = modifiable(viewer, id);
        if (image.isProtected()) {
            throw ApiException.forbidden("Image " + id + " is protected and cannot be deleted.");
        }
        Instant now = clock.instant();
        images.delete(image);
        events.deleted(image, now);
        dataRemover.afterCommit(image.location());
    }

    /** The owner (a member of its project) or an admin, as Glance's default policy: active ⇄ deactivated. */
    @Transactional
    public void deactivate(ImageAccess.Viewer viewer, String id) {
        changeActivation(viewer, id, ImageStatus.ACTIVE, ImageStatus.DEACTIVATED);
    }

    @Transactional
    public void reactivate(ImageAccess.Viewer viewer, String id) {
        changeActivation(viewer, id, ImageStatus.DEACTIVATED, ImageStatus.ACTIVE);
    }

    private void changeActivation(ImageAccess.Viewer viewer, String id, ImageStatus from, ImageStatus to) {
        Image image = modifiable(viewer, id);
        String action = to == ImageStatus.ACTIVE ? "reactivate" : "deactivate";
        if (image.status() == to) {
            return; // Glance: repeating it is a no-op
        }
        if (image.status() != from) {
            throw ApiException.forbidden("Not allowed to " + action + " image in status '" + image.status().wire() + "'.");
        }
        Instant now = clock.instant();
        if (images.changeStatus(id, from, to, now) != 1) {
            throw ApiException.conflict("Image " + id + " changed status meanwhile; retry.");
        }
        if (to == ImageStatus.DEACTIVATED) {
            events.deactivated(image, now);
        } else {
            events.reactivated(image, now);
        }
    }

    private Image modifiable(ImageAccess.Viewer viewer, String id) {
        Image image = ImageLookup.visible(images, viewer, id, members);
        if (!ImageAccess.canModify(viewer, image.owner())) {
            throw ApiException.forbidden("You are not permitted to modify image " + id + ".");
        }
        return image;
    }

    private static void requireMayPublish(ImageAccess.Viewer viewer, Visibility visibility) {
        if (visibility == Visibility.PUBLIC && !viewer.admin()) {
            throw ApiException.forbidden("You are not authorized to publicize images (visibility public needs admin).");
        }
    }

    public record Page(List<ImageSnapshot> images, boolean more) {
    }
}
