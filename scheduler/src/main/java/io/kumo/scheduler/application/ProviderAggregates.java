package io.kumo.scheduler.application;

import io.kumo.scheduler.domain.PlacementException;
import io.kumo.scheduler.domain.Uuids;
import io.kumo.scheduler.persistence.ProviderRecords;
import io.kumo.scheduler.persistence.ProviderRecords.ProviderRow;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The aggregates (host groups, availability zones in Nova's sense) a provider is in. */
@Service
public class ProviderAggregates {

    private final ResourceProviders resourceProviders;
    private final ProviderRecords providers;
    private final Clock clock;

    ProviderAggregates(ResourceProviders resourceProviders, ProviderRecords providers, Clock clock) {
        this.resourceProviders = resourceProviders;
        this.providers = providers;
        this.clock = clock;
    }

    public record Aggregates(int generation, Set<String> aggregates) {
    }

    @Transactional(readOnly = true)
    public Aggregates of(String uuid) {
        ProviderRow row = resourceProviders.find(uuid);
        return new Aggregates(row.generation(), providers.aggregates(row.uuid()));
    }

    @Transactional
    public Aggregates replace(String uuid, Integer generation, Collection<String> aggregates) {
        ProviderRow row = resourceProviders.find(uuid);
        if (generation == null) {
            throw PlacementException.badRequest("'resource_provider_generation' is a required property");
        }
        Set<String> canonical = new TreeSet<>();
        for (String aggregate : aggregates) {
            String c = Uuids.canonical(aggregate);
            if (c == null) {
                throw PlacementException.badRequest("Invalid aggregate '" + aggregate + "': not a UUID.");
            }
            canonical.add(c);
        }
        if (generation != row.generation() || !providers.bumpGeneration(row.uuid(), generation, clock.instant())) {
            throw PlacementException.concurrentUpdate("Resource provider " + row.uuid());
        }
        providers.replaceAggregates(row.uuid(), canonical);
        return new Aggregates(generation + 1, providers.aggregates(row.uuid()));
    }
}
