package io.kumo.identity.persistence;

import io.kumo.common.contract.identity.TokensRevoked;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "revocation_events")
public class RevocationEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String auditId;
    private String userId;
    private String projectId;
    private String domainId;
    private String applicationCredentialId;
    private Instant issuedBefore;
    private Instant revokedAt;

    protected RevocationEvent() {
    }

    public RevocationEvent(TokensRevoked event) {
        this.auditId = event.auditId();
        this.userId = event.userId();
        this.projectId = event.projectId();
        this.domainId = event.domainId();
        this.applicationCredentialId = event.applicationCredentialId();
        this.issuedBefore = event.issuedBefore();
        this.revokedAt = event.revokedAt();
    }

    public TokensRevoked toContract() {
        return new TokensRevoked(String.valueOf(id), auditId, userId, projectId, domainId, applicationCredentialId,
                issuedBefore, revokedAt);
    }
}
