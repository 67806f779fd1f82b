package io.kumo.identity.application;

import io.kumo.identity.persistence.ApplicationCredential;
import io.kumo.identity.persistence.User;
import java.time.Instant;
import java.util.List;

/**
 * A caller whose credentials checked out, before scoping: the user, how they proved it, and what a
 * re-scoped or delegated token inherits (expiry cap, parent audit id, application credential).
 */
record Authenticated(User user, List<String> methods, Instant expiresNoLaterThan, String parentAuditId,
        ApplicationCredential applicationCredential) {

    static Authenticated byPassword(User user) {
        return new Authenticated(user, List.of("password"), null, null, null);
    }
}
