package io.kumo.network.persistence;

import io.kumo.common.persistence.AssignedIdEntity;
import io.kumo.network.domain.Tags;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A security group; each project has one {@code default} group, created on first use. */
@Entity
@Table(name = "security_groups")
public class SecurityGroup extends AssignedIdEntity {

    @Id
    private String id;
    private String projectId;
    private String name;
    private String description;
    private Integer defaultMarker;
    private Instant createdAt;
    private Instant updatedAt;
    @Column(name = "revision_number")
    private long revision;
    private String tags;

    protected SecurityGroup() {
    }

    public SecurityGroup(String id, String projectId, String name, String description, boolean isDefault, Instant now) {
        this.id = id;
        this.projectId = projectId;
        this.name = name;
        this.description = description;
        this.defaultMarker = isDefault ? 1 : null;
        this.createdAt = now;
        this.updatedAt = now;
        this.revision = 1;
    }

    public void rename(String name, String description, Instant now) {
        this.name = name;
        this.description = description;
        this.updatedAt = now;
        this.revision++;
    }

    /** A rule was added or removed: the group's revision moves, as Neutron's does. */
    public void rulesChanged(Instant now) {
        this.updatedAt = now;
        this.revision++;
    }

    /** Replaces the tags (validated); the revision moves. */
    public void retag(List<String> newTags, Instant now) {
        this.tags = Tags.encode(newTags);
        this.updatedAt = now;
        this.revision++;
    }

    @Override
    public String getId() {
        return id;
    }

    public String id() { return id; }
    public String projectId() { return projectId; }
    public String name() { return name; }
    public String description() { return description; }
    public boolean isDefault() { return defaultMarker != null; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long revision() { return revision; }
    public List<String> tags() { return Tags.decode(tags); }
}
