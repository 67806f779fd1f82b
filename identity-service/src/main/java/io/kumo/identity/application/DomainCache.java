package io.kumo.identity.application;

import io.kumo.identity.persistence.Domain;
import io.kumo.identity.persistence.DomainRepository;
import java.time.Duration;
import java.util.HashMap;
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

    private final DomainRepository domains;
    private final ExpiringSnapshot<Snapshot> snapshot = new ExpiringSnapshot<>(Duration.ofSeconds(5), this::load);

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
        snapshot.invalidate();
    }

    private Snapshot current() {
        return snapshot.get();
    }

    private Snapshot load() {
        Map<String, Domain> byId = new HashMap<>();
        Map<String, Domain> byName = new HashMap<>();
        for (Domain domain : domains.findAll()) {
            byId.put(domain.id(), domain);
            byName.put(domain.name().toLowerCase(Locale.ROOT), domain);
        }
        return new Snapshot(Map.copyOf(byId), Map.copyOf(byName));
    }

    private record Snapshot(Map<String, Domain> byId, Map<String, Domain> byName) {
    }
}
