package io.kumo.identity.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * After {@code maxFailures} consecutive wrong passwords an account is locked for {@code duration};
 * exempt accounts (service users) are never locked.
 */
public record LockoutPolicy(int maxFailures, Duration duration, java.util.Set<String> exemptUserNames) {

    public boolean applies(String domainId, String userName) {
        return !("default".equals(domainId) && exemptUserNames.contains(userName));
    }

    public boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Instant lockUntil(Instant now) {
        return now.plus(duration);
    }
}
