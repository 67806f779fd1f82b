package io.kumo.network.persistence;

import io.kumo.common.persistence.AssignedIdEntity;
import io.kumo.network.domain.Tags;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.List;

/**
 * Neutron's standard attributes of networks, subnets and ports: timestamps, a revision number that
 * every change moves, and tags.
 */
@MappedSuperclass
public abstract class StandardAttributes extends AssignedIdEntity {

    private Instant createdAt;
    private Instant updatedAt;
    @Column(name = "revision_number")
    private long revision;
    private String tags;

    /** A new resource; the attributes its constructor then applies make it revision 1. */
    protected void created(Instant now) {
        this.createdAt = now;
    }

    /** Any change: the timestamp and the revision move. */
    protected void changed(Instant now) {
        this.updatedAt = now;
        this.revision++;
    }

    /** Replaces the tags (validated). */
    public void retag(List<String> newTags, Instant now) {
        this.tags = Tags.encode(newTags);
        changed(now);
    }

    public List<String> tags() { return Tags.decode(tags); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long revision() { return revision; }
}
