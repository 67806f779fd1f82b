package io.kumo.identity.persistence;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

@Entity
@Table(name = "projects")
public class Project {

    @Id
    private String id;
    private String name;
    private String domainId;
    private String parentId;
    private String description;
    private boolean enabled;
    private Instant createdAt;
    @Version
    private long version;
    @Convert(converter = TagsConverter.class)
    private Set<String> tags = new TreeSet<>();

    protected Project() {
    }

    public Project(String id, String name, String domainId, String parentId, String description, boolean enabled,
            Collection<String> tags, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.domainId = domainId;
        this.parentId = parentId;
        this.description = description;
        this.enabled = enabled;
        this.createdAt = createdAt;
        this.tags.addAll(tags);
    }

    public void update(String name, String description, Boolean enabled, Collection<String> tags) {
        if (name != null) {
            this.name = name;
        }
        if (description != null) {
            this.description = description;
        }
        if (enabled != null) {
            this.enabled = enabled;
        }
        if (tags != null) {
            this.tags = new TreeSet<>(tags);
        }
    }

    public String id() { return id; }
    public String name() { return name; }
    public String domainId() { return domainId; }
    public String parentId() { return parentId; }
    public String description() { return description; }
    public boolean enabled() { return enabled; }
    public Set<String> tags() { return Set.copyOf(tags); }
}
