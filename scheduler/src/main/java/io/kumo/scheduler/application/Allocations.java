package io.kumo.scheduler.application;

import io.kumo.scheduler.domain.Inventory;
import io.kumo.scheduler.domain.PlacementException;
import io.kumo.scheduler.domain.ProviderState;
import io.kumo.scheduler.domain.Uuids;
import io.kumo.scheduler.persistence.AllocationRecords;
import io.kumo.scheduler.persistence.AllocationRecords.AllocationRow;
import io.kumo.scheduler.persistence.AllocationRecords.ConsumerRow;
import io.kumo.scheduler.persistence.ProviderRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * /allocations/{consumer}: what a consumer holds, replaced as a whole. The consumer's generation
 * guards against two writers of one consumer (null for a new consumer); each provider's generation,
 * moved on with compare-and-set after the capacity check, against two writers of one provider: the
 * loser retries with fresh usage, up to a few times, as Placement does.
 */
@Service
public class Allocations {

    private static final int RETRIES = 10;

    private final ProviderRecords providers;
    private final AllocationRecords allocations;
    private final HostStateCache cache;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final Clock clock;

    Allocations(ProviderRecords providers, AllocationRecords allocations, HostStateCache cache,
            TransactionTemplate transactions, Clock clock) {
        this.providers = providers;
        this.allocations = allocations;
        this.cache = cache;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.reads = new TransactionTemplate(transactions.getTransactionManager());
        this.reads.setReadOnly(true);
        this.clock = clock;
    }

    /** A consumer's allocations: provider uuid to (provider generation, class to amount). */
    public record ConsumerAllocations(ConsumerRow consumer, Map<String, Held> byProvider) {
    }

    public record Held(int generation, Map<String, Integer> resources) {
    }

    /** What a PUT asks for; {@code consumerGeneration} null means "a new consumer". */
    public record Replacement(Map<String, Map<String, Integer>> byProvider, String projectId, String userId,
            Integer consumerGeneration) {
    }

    public ConsumerAllocations of(String consumer) {
        return reads.execute(tx -> {
            ConsumerRow row = allocations.consumer(consumer).orElse(null);
            Map<String, Held> held = new TreeMap<>();
            List<AllocationRow> rows = allocations.ofConsumer(consumer);
            Map<String, ProviderState> states = providers.states(new TreeSet<>(rows.stream()
                    .map(AllocationRow::providerUuid).toList()));
            for (AllocationRow r : rows) {
                held.computeIfAbsent(r.providerUuid(), p -> new Held(states.get(p).generation(), new TreeMap<>()))
                        .resources().put(r.resourceClass(), r.used());
            }
            return new ConsumerAllocations(row, held);
        });
    }

    public void replace(String consumer, Replacement requested) {
        Replacement replacement = validated(consumer, requested);
        for (int attempt = 1;; attempt++) {
            try {
                List<ProviderState> changed = transactions.execute(tx -> replaceOnce(consumer, replacement));
                changed.forEach(cache::providerChanged);
                return;
            } catch (ProviderRaceLost e) {
                if (attempt == RETRIES) {
                    throw PlacementException.concurrentUpdate("Resource provider " + e.getMessage());
                }
            }
        }
    }

    public void delete(String consumer) {
        List<ProviderState> changed = transactions.execute(tx -> {
            List<AllocationRow> rows = allocations.ofConsumer(consumer);
            if (rows.isEmpty()) {
                throw PlacementException.notFound("No allocations for consumer '" + consumer + "'");
            }
            Instant now = clock.instant();
            TreeSet<String> heldOn = new TreeSet<>(rows.stream().map(AllocationRow::providerUuid).toList());
            heldOn.forEach(p -> providers.touch(p, now));
            allocations.deleteConsumer(consumer);
            return List.copyOf(providers.states(heldOn).values());
        });
        changed.forEach(cache::providerChanged);
    }

    private List<ProviderState> replaceOnce(String consumer, Replacement replacement) {
        Instant now = clock.instant();
        ConsumerRow existing = allocations.consumer(consumer).orElse(null);
        checkConsumerGeneration(consumer, existing, replacement.consumerGeneration());
        List<AllocationRow> before = allocations.ofConsumer(consumer);
        TreeSet<String> touched = new TreeSet<>(replacement.byProvider().keySet());
        before.forEach(r -> touched.add(r.providerUuid()));
        Map<String, ProviderState> states = providers.states(touched);
        for (String provider : replacement.byProvider().keySet()) {
            if (!states.containsKey(provider)) {
                throw PlacementException.badRequest("Allocation for resource provider '" + provider
                        + "' that does not exist.");
            }
        }
        for (Map.Entry<String, Map<String, Integer>> entry : replacement.byProvider().entrySet()) {
            checkCapacity(states.get(entry.getKey()), entry.getValue(), before);
        }
        for (String provider : touched) {
            ProviderState state = states.get(provider);
            if (state != null && !providers.bumpGeneration(provider, state.generation(), now)) {
                throw new ProviderRaceLost(provider);
            }
        }
        allocations.deleteOfConsumer(consumer);
        if (replacement.byProvider().isEmpty()) {
            allocations.deleteConsumer(consumer);
        } else {
            if (existing == null) {
                allocations.insertConsumer(consumer, replacement.projectId(), replacement.userId(), now);
            } else if (!allocations.bumpConsumer(consumer, existing.generation(), replacement.projectId(),
                    replacement.userId(), now)) {
                throw PlacementException.concurrentUpdate("Consumer " + consumer);
            }
            List<AllocationRow> rows = new ArrayList<>();
            replacement.byProvider().forEach((provider, resources) -> resources.forEach(
                    (rc, amount) -> rows.add(new AllocationRow(consumer, provider, rc, amount))));
            allocations.insert(rows);
        }
        return List.copyOf(providers.states(touched).values());
    }

    private static void checkConsumerGeneration(String consumer, ConsumerRow existing, Integer expected) {
        if (existing == null && expected != null) {
            throw PlacementException.conflict(PlacementException.CONCURRENT_UPDATE, "consumer generation conflict -"
                    + " expected null but got " + expected);
        }
        if (existing != null && (expected == null || expected != existing.generation())) {
            throw PlacementException.conflict(PlacementException.CONCURRENT_UPDATE, "consumer generation conflict -"
                    + " expected " + expected + " but got " + existing.generation() + " (consumer " + consumer + ")");
        }
    }

    /** The request must fit on top of what others hold (this consumer's own old allocation is replaced). */
    private static void checkCapacity(ProviderState state, Map<String, Integer> wanted, List<AllocationRow> before) {
        for (Map.Entry<String, Integer> entry : wanted.entrySet()) {
            String rc = entry.getKey();
            Inventory inventory = state.inventories().get(rc);
            if (inventory == null) {
                throw PlacementException.conflict(PlacementException.UNDEFINED, "Unable to allocate inventory:"
                        + " Inventory for '" + rc + "' on resource provider '" + state.uuid() + "' invalid.");
            }
            long ownOld = before.stream().filter(r -> r.providerUuid().equals(state.uuid())
                    && r.resourceClass().equals(rc)).mapToLong(AllocationRow::used).sum();
            String refusal = inventory.refusal(entry.getValue(), state.used(rc) - ownOld);
            if (refusal != null) {
                throw PlacementException.conflict(PlacementException.UNDEFINED, "Unable to allocate inventory:"
                        + " Unable to create allocation for '" + rc + "' on resource provider '" + state.uuid()
                        + "'. The requested amount would exceed the capacity (" + refusal + ").");
            }
        }
    }

    private static Replacement validated(String consumer, Replacement replacement) {
        if (!Uuids.isValid(consumer)) {
            throw PlacementException.badRequest("Malformed consumer_uuid: " + consumer);
        }
        if (replacement.projectId() == null || replacement.userId() == null) {
            throw PlacementException.badRequest("'project_id' and 'user_id' are required properties");
        }
        Map<String, Map<String, Integer>> checked = new LinkedHashMap<>();
        replacement.byProvider().forEach((provider, resources) -> {
            String uuid = Uuids.canonical(provider);
            if (uuid == null) {
                throw PlacementException.badRequest("Invalid resource provider uuid in allocations: " + provider);
            }
            if (resources.isEmpty()) {
                throw PlacementException.badRequest("Allocation for resource provider '" + provider
                        + "' has no resources.");
            }
            resources.forEach((rc, amount) -> {
                if (amount == null || amount < 1) {
                    throw PlacementException.badRequest("Allocation of " + rc + " on resource provider '" + provider
                            + "' must be at least 1.");
                }
            });
            checked.put(uuid, Map.copyOf(resources));
        });
        return new Replacement(checked, replacement.projectId(), replacement.userId(),
                replacement.consumerGeneration());
    }

    /** A provider's generation moved between our read and our compare-and-set. */
    private static final class ProviderRaceLost extends RuntimeException {
        ProviderRaceLost(String provider) {
            super(provider, null, false, false);
        }
    }
}
