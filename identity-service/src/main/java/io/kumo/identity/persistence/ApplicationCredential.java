package io.kumo.identity.persistence;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** A credential a user delegates to a program (Jenkins): fixed project, a subset of roles, a hashed secret. */
@Entity
@Table(name = "application_credentials")
public class ApplicationCredential {

    @Id
    private String id;
    private String name;
    private String userId;
    private String projectId;
    private String description;
    private String secretHash;
    private Instant expiresAt;
    private boolean unrestricted;
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_credential_roles", joinColumns = @JoinColumn(name = "application_credential_id"))
    @Column(name = "role_id")
    private Set<String> roleIds = new LinkedHashSet<>();

    protected ApplicationCredential() {
    }

    public ApplicationCredential(String id, String name, String userId, String projectId, String description,
            String secretHash, Instant expiresAt, boolean unrestricted, Collection<String> roleIds, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.userId = userId;
        this.projectId = projectId;
        this.description = description;
        this.secretHash = secretHash;
        this.expiresAt = expiresAt;
        this.unrestricted = unrestricted;
        this.createdAt = createdAt;
        this.roleIds.addAll(roleIds);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public String id() { return id; }
    public String name() { return name; }
    public String userId() { return userId; }
    public String projectId() { return projectId; }
    public String description() { return description; }
    public String secretHash() { return secretHash; }
    public Instant expiresAt() { return expiresAt; }
    public boolean unrestricted() { return unrestricted; }
    public Set<String> roleIds() { return Set.copyOf(roleIds); }
}
