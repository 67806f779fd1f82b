package io.kumo.identity.application;

import io.kumo.identity.domain.PasswordHasher;

/**
 * Wraps the password hasher to measure, per request thread, how long hash checks took — so that the
 * time a token request spends beyond the hash itself can be reported exactly (Server-Timing).
 */
public final class HashTimer implements PasswordHasher {

    private static final ThreadLocal<long[]> SPENT = ThreadLocal.withInitial(() -> new long[1]);

    private final PasswordHasher delegate;

    public HashTimer(PasswordHasher delegate) {
        this.delegate = delegate;
    }

    @Override
    public String hash(String secret) {
        return delegate.hash(secret);
    }

    @Override
    public boolean matches(String secret, String hash) {
        long start = System.nanoTime();
        try {
            return delegate.matches(secret, hash);
        } finally {
            SPENT.get()[0] += System.nanoTime() - start;
        }
    }

    /** Nanoseconds this thread spent checking hashes since the last call, which resets the count. */
    static long takeSpentNanos() {
        long[] spent = SPENT.get();
        long value = spent[0];
        spent[0] = 0;
        return value;
    }
}
