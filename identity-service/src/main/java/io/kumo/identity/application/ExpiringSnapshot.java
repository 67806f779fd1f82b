package io.kumo.identity.application;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A value read from the database and kept for a while (domains, the catalog, the role graph): reloaded
 * when older than its time to live, dropped at once by {@link #invalidate()} after a change through this
 * replica. A load that began before an invalidation is used for its own caller but never kept, so a
 * read racing a commit cannot outlive the change it missed.
 */
final class ExpiringSnapshot<T> {

    private final long ttlNanos;
    private final Supplier<T> loader;
    private final AtomicLong invalidations = new AtomicLong();
    private volatile Loaded<T> current;

    ExpiringSnapshot(Duration ttl, Supplier<T> loader) {
        this.ttlNanos = ttl.toNanos();
        this.loader = loader;
    }

    T get() {
        Loaded<T> loaded = current;
        long now = System.nanoTime();
        if (loaded == null || now - loaded.at() > ttlNanos) {
            long seen = invalidations.get();
            loaded = new Loaded<>(loader.get(), now);
            if (invalidations.get() == seen) {
                current = loaded;
            }
        }
        return loaded.value();
    }

    void invalidate() {
        invalidations.incrementAndGet();
        current = null;
    }

    private record Loaded<T>(T value, long at) {
    }
}
