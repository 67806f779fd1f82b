package io.kumo.image.persistence;

import io.kumo.image.domain.MemberStatus;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A project an image is shared with, and whether that project accepted it. */
@Entity
@Table(name = "image_members")
public class ImageMember {

    @EmbeddedId
    private Key key;
    @Enumerated(EnumType.STRING)
    private MemberStatus status;
    private Instant createdAt;
    private Instant updatedAt;

    protected ImageMember() {
    }

    public ImageMember(String imageId, String memberId, Instant now) {
        this.key = new Key(imageId, memberId);
        this.status = MemberStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Only the member project itself decides; the owner cannot accept on its behalf. */
    public void decide(MemberStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    public String imageId() { return key.imageId; }
    public String memberId() { return key.memberId; }
    public MemberStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    @Embeddable
    public static class Key implements Serializable {
        private String imageId;
        private String memberId;

        protected Key() {
        }

        public Key(String imageId, String memberId) {
            this.imageId = imageId;
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.imageId.equals(imageId) && k.memberId.equals(memberId);
        }

        @Override
        public int hashCode() {
            return imageId.hashCode() * 31 + memberId.hashCode();
        }
    }
}
