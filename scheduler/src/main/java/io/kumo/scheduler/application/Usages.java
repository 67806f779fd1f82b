package io.kumo.scheduler.application;

import io.kumo.scheduler.persistence.AllocationRecords;
import io.kumo.scheduler.persistence.ProviderRecords.ProviderRow;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What is in use: per provider, and per project (and user) across the deployment. */
@Service
public class Usages {

    private final ResourceProviders resourceProviders;
    private final AllocationRecords allocations;

    Usages(ResourceProviders resourceProviders, AllocationRecords allocations) {
        this.resourceProviders = resourceProviders;
        this.allocations = allocations;
    }

    public record ProviderUsage(int generation, Map<String, Long> usages) {
    }

    @Transactional(readOnly = true)
    public ProviderUsage ofProvider(String uuid) {
        ProviderRow row = resourceProviders.find(uuid);
        return new ProviderUsage(row.generation(), allocations.usage(row.uuid()));
    }

    @Transactional(readOnly = true)
    public Map<String, Long> ofProject(String projectId, String userId) {
        return allocations.usageOfProject(projectId, userId);
    }

    /** Consumers on a provider: consumer uuid to class to amount. */
    @Transactional(readOnly = true)
    public ProviderAllocations allocationsOn(String uuid) {
        ProviderRow row = resourceProviders.find(uuid);
        Map<String, Map<String, Integer>> byConsumer = new java.util.TreeMap<>();
        allocations.ofProvider(row.uuid()).forEach(r -> byConsumer.computeIfAbsent(r.consumerUuid(),
                c -> new java.util.TreeMap<>()).put(r.resourceClass(), r.used()));
        return new ProviderAllocations(row.generation(), byConsumer);
    }

    public record ProviderAllocations(int generation, Map<String, Map<String, Integer>> byConsumer) {
    }
}
