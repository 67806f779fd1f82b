package io.kumo.common.auth;

import io.kumo.common.contract.identity.TokensRevoked;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocation events a validator knows, indexed so that checking a token is a handful of hash
 * lookups. A token is revoked when it was issued at or before an event that matches it.
 */
public class RevocationList {

    private final Map<String, Instant> byAuditId = new ConcurrentHashMap<>();
    private final Map<String, Instant> byUser = new ConcurrentHashMap<>();
    private final Map<String, Instant> byProject = new ConcurrentHashMap<>();
    private final Map<String, Instant> byUserAndProject = new ConcurrentHashMap<>();
    private final Map<String, Instant> byDomain = new ConcurrentHashMap<>();
    private final Map<String, Instant> byApplicationCredential = new ConcurrentHashMap<>();

    public void apply(TokensRevoked event) {
        Instant before = event.issuedBefore();
        if (event.auditId() != null) {
            keepLatest(byAuditId, event.auditId(), before);
        } else if (event.applicationCredentialId() != null) {
            keepLatest(byApplicationCredential, event.applicationCredentialId(), before);
        } else if (event.userId() != null && event.projectId() != null) {
            keepLatest(byUserAndProject, event.userId() + '/' + event.projectId(), before);
        } else if (event.userId() != null) {
            keepLatest(byUser, event.userId(), before);
        } else if (event.projectId() != null) {
            keepLatest(byProject, event.projectId(), before);
        } else if (event.domainId() != null) {
            keepLatest(byDomain, event.domainId(), before);
        }
    }

    public void applyAll(Collection<TokensRevoked> events) {
        events.forEach(this::apply);
    }

    public boolean isRevoked(TokenClaims token) {
        Instant issued = token.issuedAt();
        for (String auditId : token.auditIds()) {
            if (covers(byAuditId.get(auditId), issued)) {
                return true;
            }
        }
        return covers(byUser.get(token.userId()), issued)
                || (token.projectId() != null && (covers(byProject.get(token.projectId()), issued)
                        || covers(byUserAndProject.get(token.userId() + '/' + token.projectId()), issued)))
                || covers(byDomain.get(token.userDomainId()), issued)
                || (token.domainId() != null && covers(byDomain.get(token.domainId()), issued))
                || (token.applicationCredentialId() != null
                        && covers(byApplicationCredential.get(token.applicationCredentialId()), issued));
    }

    /** Forgets events older than any token that could still be valid. */
    public void pruneIssuedBefore(Instant horizon) {
        for (Map<String, Instant> index : new Map[] {byAuditId, byUser, byProject, byUserAndProject, byDomain,
                byApplicationCredential}) {
            index.values().removeIf(before -> before.isBefore(horizon));
        }
    }

    public int size() {
        return byAuditId.size() + byUser.size() + byProject.size() + byUserAndProject.size() + byDomain.size()
                + byApplicationCredential.size();
    }

    private static boolean covers(Instant issuedBefore, Instant issued) {
        return issuedBefore != null && !issued.isAfter(issuedBefore);
    }

    private static void keepLatest(Map<String, Instant> index, String key, Instant before) {
        index.merge(key, before, (a, b) -> a.isAfter(b) ? a : b);
    }
}
