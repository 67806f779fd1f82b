package io.kumo.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token-signing key pair (PKCS#8 / X.509, base64); the active one signs, all published ones verify. */
@Entity
@Table(name = "signing_keys")
public class SigningKey {

    @Id
    private String kid;
    private String privateKey;
    private String publicKey;
    private Instant createdAt;
    private boolean active;

    protected SigningKey() {
    }

    public SigningKey(String kid, String privateKey, String publicKey, Instant createdAt, boolean active) {
        this.kid = kid;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.createdAt = createdAt;
        this.active = active;
    }

    public String kid() { return kid; }
    public String privateKey() { return privateKey; }
    public String publicKey() { return publicKey; }
    public boolean active() { return active; }
}
