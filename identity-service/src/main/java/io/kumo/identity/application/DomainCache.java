package io.kumo.identity.application;

import io.kumo.identity.persistence.Domain;
import io.kumo.identity.persistence.DomainRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Domains are few and change rarely, yet every authentication looks one up (usually twice), so they
 * are kept in memory: refreshed every few seconds (changes made through another replica) and at once
 * after a change through this one. The cached entities are detached snapshots, only ever read. Names
 * match regardless of case, as they do in MySQL's default collation.
 */
@Component
class DomainCache {

    private static final long TTL_NANOS = 5_000_000_000L;

    private final DomainRepository domains;
    private volatile Snapshot snapshot;

    DomainCache(DomainRepository domains) {
        this.domains = domains;
    }

    Optional<Domain> byId(String id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    Optional<Domain> byName(String name) {
        return name == null ? Optional.empty()
                : Optional.ofNullable(current().byName().get(name.toLowerCase(Locale.ROOT)));
    }

    Optional<Domain> byRef(io.kumo.identity.domain.DomainRef ref) {
        if (ref == null) {
            return Optional.empty();
        }
        return ref.id() != null ? byId(ref.id()) : byName(ref.name());
    }

    void invalidate() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current == null || now - current.loadedAt() > TTL_NANOS) {
            List<Domain> all = domains.findAll();
            Map<String, Domain> byId = new HashMap<>();
            Map<String, Domain> byName = new HashMap<>();
            for (Domain domain : all) {
                byId.put(domain.id(), domain);
                byName.put(domain.name().toLowerCase(Locale.ROOT), domain);
            }
            current = new Snapshot(Map.copyOf(byId), Map.copyOf(byName), now);
            snapshot = current;
        }
        return current;
    }

    private record Snapshot(Map<String, Domain> byId, Map<String, Domain> byName, long loadedAt) {
    }
}
