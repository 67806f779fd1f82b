package io.kumo.agent.driver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per instance uuid, so a redelivered command waits for the copy still running instead of racing
 * it (two BuildServers for one instance must not build two), while different instances proceed in
 * parallel. A lock is dropped once nobody holds or waits for it: the map never outgrows the work in flight.
 */
public final class InstanceLocks {

    private final Map<String, Entry> locks = new ConcurrentHashMap<>();

    public <T> T withLock(String instanceUuid, Supplier<T> action) {
        Entry entry = locks.compute(instanceUuid, (uuid, held) -> {
            Entry e = held == null ? new Entry() : held;
            e.users++;
            return e;
        });
        entry.lock.lock();
        try {
            return action.get();
        } finally {
            entry.lock.unlock();
            locks.compute(instanceUuid, (uuid, held) -> --held.users == 0 ? null : held);
        }
    }

    /** How many instances have a lock right now (for tests: none is leaked). */
    /**
     * The uuids among {@code candidates} that {@code known} does not account for, each checked again under
     * its lock, so an instance a spawn is making (or a delete removing) right now is never among them.
     */
    public java.util.List<String> unaccounted(java.util.Collection<String> candidates,
            java.util.function.Predicate<String> known) {
        return candidates.stream().filter(uuid -> !known.test(uuid))
                .filter(uuid -> withLock(uuid, () -> !known.test(uuid))).toList();
    }

    public int size() {
        return locks.size();
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users; // only changed inside compute(), which is atomic per key
    }
}
