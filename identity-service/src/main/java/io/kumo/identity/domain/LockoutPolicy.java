package io.kumo.identity.domain;

import java.time.Duration;
import java.time.Instant;

/** After {@code maxFailures} consecutive wrong passwords an account is locked for {@code duration}. */
public record LockoutPolicy(int maxFailures, Duration duration) {

    public boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Instant lockUntil(Instant now) {
        return now.plus(duration);
    }
}
