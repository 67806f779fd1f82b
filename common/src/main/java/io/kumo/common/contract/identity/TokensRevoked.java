package io.kumo.common.contract.identity;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * Tokens issued at or before {@code issuedBefore} that match every non-null field are revoked
 * (Keystone's revocation event). Published on {@code kumo.identity.events} with routing key
 * {@code token.revoked}; every validating process applies it.
 */
@MessageType(name = "TokensRevoked", version = 1)
public record TokensRevoked(
        String id,
        String auditId,
        String userId,
        String projectId,
        String domainId,
        String applicationCredentialId,
        Instant issuedBefore,
        Instant revokedAt) {

    public static final String ROUTING_KEY = "token.revoked";
}
