package io.kumo.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A user. Failed logins and the lockout are changed only by guarded updates in {@link UserRepository}. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private String id;
    private String name;
    private String domainId;
    private String defaultProjectId;
    private String description;
    private String email;
    private boolean enabled;
    private String passwordHash;
    private Instant passwordChangedAt;
    private int failedLogins;
    private Instant lockedUntil;
    private Instant createdAt;
    @Version
    private long version;

    protected User() {
    }

    public User(String id, String name, String domainId, String defaultProjectId, String description, String email,
            boolean enabled, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.domainId = domainId;
        this.defaultProjectId = defaultProjectId;
        this.description = description;
        this.email = email;
        this.enabled = enabled;
        this.createdAt = createdAt;
    }

    public void update(String name, String defaultProjectId, String description, String email, Boolean enabled) {
        if (name != null) {
            this.name = name;
        }
        if (defaultProjectId != null) {
            this.defaultProjectId = defaultProjectId;
        }
        if (description != null) {
            this.description = description;
        }
        if (email != null) {
            this.email = email;
        }
        if (enabled != null) {
            this.enabled = enabled;
        }
    }

    public void changePassword(String hash, Instant when) {
        this.passwordHash = hash;
        this.passwordChangedAt = when;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    public String id() { return id; }
    public String name() { return name; }
    public String domainId() { return domainId; }
    public String defaultProjectId() { return defaultProjectId; }
    public String description() { return description; }
    public String email() { return email; }
    public boolean enabled() { return enabled; }
    public String passwordHash() { return passwordHash; }
    public int failedLogins() { return failedLogins; }
    public Instant lockedUntil() { return lockedUntil; }
}
