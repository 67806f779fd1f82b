package io.kumo.image.application;

import io.kumo.common.error.ApiException;
import io.kumo.image.domain.ImageAccess;
import io.kumo.image.domain.MemberStatus;
import io.kumo.image.domain.Visibility;
import io.kumo.image.persistence.Image;
import io.kumo.image.persistence.ImageMember;
import io.kumo.image.persistence.ImageMemberRepository;
import io.kumo.image.persistence.ImageRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing a {@code shared} image with other projects: the owner adds and removes member projects; each
 * member alone accepts, rejects or leaves pending (only accepted images appear in its default image
 * list). A member sees its own membership only.
 */
@Service
public class ImageMembers {

    static final int MAX_MEMBERS = 128;

    private final ImageRepository images;
    private final ImageMemberRepository members;
    private final Clock clock;

    ImageMembers(ImageRepository images, ImageMemberRepository members, Clock clock) {
        this.images = images;
        this.members = members;
        this.clock = clock;
    }

    @Transactional
    public MemberView add(ImageAccess.Viewer viewer, String imageId, String memberId) {
        if (memberId == null) {
            throw ApiException.badRequest("Member to be added not specified.");
        }
        if (memberId.isBlank()) {
            throw ApiException.badRequest("Member can't be empty.");
        }
        if (memberId.length() > 64) {
            throw ApiException.badRequest("A member is a project id of at most 64 characters.");
        }
        Image image = ownedImage(viewer, imageId);
        if (image.visibility() != Visibility.SHARED) {
            throw ApiException.forbidden("Not allowed to create members for image " + imageId
                    + ": only shared images have members.");
        }
        if (members.find(imageId, memberId).isPresent()) {
            throw ApiException.conflict("Member " + memberId + " is duplicated for image " + imageId + ".");
        }
        if (members.countByImage(imageId) >= MAX_MEMBERS) {
            throw ImageQuotas.overLimit("image_member_quota", MAX_MEMBERS + 1, MAX_MEMBERS);
        }
        return MemberView.of(members.save(new ImageMember(imageId, memberId, clock.instant())));
    }

    @Transactional(readOnly = true)
    public List<MemberView> list(ImageAccess.Viewer viewer, String imageId) {
        Image image = ImageLookup.visible(images, viewer, imageId, members);
        if (image.visibility() != Visibility.SHARED) {
            throw ApiException.forbidden("Not allowed to list members for image " + imageId
                    + ": Only shared images have members.");
        }
        boolean owner = viewer.admin() || image.owner().equals(viewer.project());
        return members.findByImage(imageId).stream()
                .filter(m -> owner || m.memberId().equals(viewer.project()))
                .map(MemberView::of).toList();
    }

    @Transactional(readOnly = true)
    public MemberView get(ImageAccess.Viewer viewer, String imageId, String memberId) {
        Image image = ImageLookup.visible(images, viewer, imageId, members);
        boolean owner = viewer.admin() || image.owner().equals(viewer.project());
        if (!owner && !memberId.equals(viewer.project())) {
            throw memberNotFound(imageId, memberId);
        }
        return MemberView.of(members.find(imageId, memberId).orElseThrow(() -> memberNotFound(imageId, memberId)));
    }

    /** Only the member project itself (or an admin) answers the invitation. */
    @Transactional
    public MemberView decide(ImageAccess.Viewer viewer, String imageId, String memberId, String status) {
        if (status == null) {
            throw ApiException.badRequest("Status not specified.");
        }
        MemberStatus decided = MemberStatus.fromWire(status);
        if (decided == null) {
            throw ApiException.badRequest("Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\".");
        }
        ImageLookup.visible(images, viewer, imageId, members);
        ImageMember member = members.find(imageId, memberId).orElseThrow(() -> memberNotFound(imageId, memberId));
        if (!viewer.admin() && !memberId.equals(viewer.project())) {
            throw ApiException.forbidden("Only the member project " + memberId + " can change its status.");
        }
        member.decide(decided, clock.instant());
        return MemberView.of(member);
    }

    @Transactional
    public void remove(ImageAccess.Viewer viewer, String imageId, String memberId) {
        ownedImage(viewer, imageId);
        ImageMember member = members.find(imageId, memberId).orElseThrow(() -> memberNotFound(imageId, memberId));
        members.delete(member);
    }

    private Image ownedImage(ImageAccess.Viewer viewer, String imageId) {
        Image image = ImageLookup.visible(images, viewer, imageId, members);
        if (!ImageAccess.canModify(viewer, image.owner())) {
            throw ApiException.forbidden("Only the owner of image " + imageId + " can change its members.");
        }
        return image;
    }

    private static ApiException memberNotFound(String imageId, String memberId) {
        return ApiException.notFound("Member " + memberId + " not found for image " + imageId + ".");
    }

    /** A membership as the API shows it. */
    public record MemberView(String imageId, String memberId, String status, java.time.Instant createdAt,
            java.time.Instant updatedAt) {

        static MemberView of(ImageMember m) {
            return new MemberView(m.imageId(), m.memberId(), m.status().wire(), m.createdAt(), m.updatedAt());
        }
    }
}
