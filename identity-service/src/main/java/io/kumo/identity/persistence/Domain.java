package io.kumo.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "domains")
public class Domain {

    @Id
    private String id;
    private String name;
    private String description;
    private boolean enabled;
    private Instant createdAt;
    @Version
    private long version;

    protected Domain() {
    }

    public Domain(String id, String name, String description, boolean enabled, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.enabled = enabled;
        this.createdAt = createdAt;
    }

    public void update(String name, String description, Boolean enabled) {
        if (name != null) {
            this.name = name;
        }
        if (description != null) {
            this.description = description;
        }
        if (enabled != null) {
            this.enabled = enabled;
        }
    }

    public String id() { return id; }
    public String name() { return name; }
    public String description() { return description; }
    public boolean enabled() { return enabled; }
}
