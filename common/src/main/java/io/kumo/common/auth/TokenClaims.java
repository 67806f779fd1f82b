package io.kumo.common.auth;

import java.time.Instant;
import java.util.List;

/**
 * What a signed Kumo token says: who (user and their domain), for what (project, domain or system
 * scope), with which roles, how it was obtained, and its audit ids (the first is this token's, the
 * second, if any, the token it was re-scoped from). {@code adminProject} marks a token scoped to the
 * cloud's admin project (Keystone's {@code is_admin_project}): only there, or with system scope, does
 * the {@code admin} role administer the whole cloud.
 */
public record TokenClaims(
        String userId,
        String userDomainId,
        TokenScope scope,
        String projectId,
        String domainId,
        List<RoleRef> roles,
        List<String> methods,
        List<String> auditIds,
        Instant issuedAt,
        Instant expiresAt,
        String applicationCredentialId,
        boolean adminProject) {

    public TokenClaims {
        roles = List.copyOf(roles);
        methods = List.copyOf(methods);
        auditIds = List.copyOf(auditIds);
    }

    public boolean hasRole(String name) {
        for (RoleRef role : roles) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    public String auditId() {
        return auditIds.get(0);
    }

    /** The audit id shared by a token and every token re-scoped from it. */
    public String auditChainId() {
        return auditIds.get(auditIds.size() - 1);
    }
}
