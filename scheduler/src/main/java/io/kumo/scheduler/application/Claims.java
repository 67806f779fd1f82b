package io.kumo.scheduler.application;

import io.kumo.scheduler.domain.ProviderState;
import io.kumo.scheduler.domain.ResourceRequest;
import io.kumo.scheduler.persistence.AllocationRecords;
import io.kumo.scheduler.persistence.AllocationRecords.AllocationRow;
import io.kumo.scheduler.persistence.ProviderRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Claims a consumer's resources on one provider inside the caller's transaction: the provider's
 * generation is moved on with a compare-and-set from the state the capacity check used, so a claim
 * never lands on top of one it did not see. A lost race reloads the provider and checks again.
 */
@Component
public class Claims {

    private static final int RACES_PER_PROVIDER = 3;

    private final ProviderRecords providers;
    private final AllocationRecords allocations;
    private final HostStateCache cache;
    private final Clock clock;

    Claims(ProviderRecords providers, AllocationRecords allocations, HostStateCache cache, Clock clock) {
        this.providers = providers;
        this.allocations = allocations;
        this.cache = cache;
        this.clock = clock;
    }

    /** @param claimed the provider's state after the claim, or null; reason says why not */
    public record Outcome(ProviderState claimed, String reason) {
    }

    public Outcome claim(ProviderState seen, String consumer, ResourceRequest request) {
        ProviderState state = seen;
        for (int race = 0; race < RACES_PER_PROVIDER; race++) {
            String unfit = state.unfit(request);
            if (unfit != null) {
                return new Outcome(null, race == 0 ? unfit : unfit + " after a concurrent claim");
            }
            if (providers.bumpGeneration(state.uuid(), state.generation(), clock.instant())) {
                String provider = state.uuid();
                List<AllocationRow> rows = new ArrayList<>();
                request.resources().forEach((rc, amount) -> rows.add(new AllocationRow(consumer, provider, rc, amount)));
                allocations.insert(rows);
                ProviderState after = state.plus(request.resources(), state.generation() + 1);
                cache.providerChanged(after);
                return new Outcome(after, null);
            }
            state = providers.states(List.of(seen.uuid())).get(seen.uuid());
            if (state == null) {
                return new Outcome(null, "provider deleted");
            }
            cache.providerChanged(state);
        }
        return new Outcome(null, "lost " + RACES_PER_PROVIDER + " races for it");
    }

    /**
     * Makes {@code consumer} ready to hold new allocations: a new consumer row, or an existing one's
     * allocations released (a reschedule) with every affected provider's generation moved on.
     */
    public void prepareConsumer(String consumer, String projectId, String userId) {
        Instant now = clock.instant();
        AllocationRecords.ConsumerRow existing = allocations.consumer(consumer).orElse(null);
        if (existing == null) {
            allocations.insertConsumer(consumer, projectId, userId, now);
            return;
        }
        TreeSet<String> heldOn = new TreeSet<>(allocations.ofConsumer(consumer).stream()
                .map(AllocationRow::providerUuid).toList());
        heldOn.forEach(provider -> providers.touch(provider, now));
        allocations.deleteOfConsumer(consumer);
        allocations.bumpConsumer(consumer, existing.generation(), projectId, userId, now);
        providers.states(heldOn).values().forEach(cache::providerChanged);
    }

    /** A consumer that got nothing (no valid host) is not kept, as placement keeps no empty consumers. */
    public void dropConsumer(String consumer) {
        allocations.deleteConsumer(consumer);
    }
}
