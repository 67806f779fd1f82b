package io.kumo.scheduler.application;

import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.ProviderState;
import io.kumo.scheduler.persistence.HostRecords;
import io.kumo.scheduler.persistence.HostRecords.HostRow;
import io.kumo.scheduler.persistence.ProviderRecords;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every host's state in memory, so a decision reads no database (re-reading host state per request
 * was the costly part of Nova's scheduler). Kept fresh by this scheduler's own claims at once, by
 * heartbeats as they arrive, and by a poll of rows changed by anyone (other schedulers, the placement
 * API) every refresh interval. Staleness costs at most a failed compare-and-set, after which the
 * claimer reloads that one provider: correctness rests on the claim, not on this cache.
 */
@Component
public class HostStateCache implements InitializingBean {

    /** Clock skew and commit delays between a row's updated_at and its visibility. */
    private static final Duration OVERLAP = Duration.ofSeconds(5);

    private final HostRecords hosts;
    private final ProviderRecords providers;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final Map<String, HostState> byName = new ConcurrentHashMap<>();
    /** The same states in stable slots, for scans that start anywhere and wrap around; written under the lock. */
    private volatile AtomicReferenceArray<HostState> slots = new AtomicReferenceArray<>(1024);
    private volatile int slotCount;
    private final Map<String, Integer> slotOf = new HashMap<>();
    private final Map<String, String> nameByProvider = new ConcurrentHashMap<>();
    private final Map<String, Instant> heartbeats = new ConcurrentHashMap<>();
    /** The updated_at of each host row applied, so a refresh that read a row earlier cannot undo a newer one. */
    private final Map<String, Instant> appliedRows = new ConcurrentHashMap<>();
    private volatile Map<String, Map<String, String>> aggregateMetadata = Map.of();
    private volatile Instant watermark;

    HostStateCache(HostRecords hosts, ProviderRecords providers, TransactionTemplate transactions, Clock clock,
            MeterRegistry meters) {
        this.hosts = hosts;
        this.providers = providers;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        Gauge.builder("kumo.scheduler.hosts", byName, Map::size).description("hosts in the scheduler's cache")
                .register(meters);
    }

    /** Loaded before any consumer starts: a scheduler with an empty cache would answer NoValidHost. */
    @Override
    public void afterPropertiesSet() {
        loadAll();
    }

    /** Every host by a stable index (a view: entries change as hosts do). */
    public List<HostState> indexed() {
        AtomicReferenceArray<HostState> current = slots;
        int count = Math.min(slotCount, current.length());
        return new IndexedHosts(current, count);
    }

    private static final class IndexedHosts extends AbstractList<HostState> implements RandomAccess {

        private final AtomicReferenceArray<HostState> slots;
        private final int count;

        IndexedHosts(AtomicReferenceArray<HostState> slots, int count) {
            this.slots = slots;
            this.count = count;
        }

        @Override
        public HostState get(int index) {
            return slots.get(index);
        }

        @Override
        public int size() {
            return count;
        }
    }

    /** The one way states change: map and slot together, so a scan never sees a host twice or lose one. */
    private synchronized void update(String name, UnaryOperator<HostState> change) {
        HostState before = byName.get(name);
        HostState after = change.apply(before);
        if (after == null || after == before) {
            return;
        }
        byName.put(name, after);
        Integer slot = slotOf.get(name);
        if (slot == null) {
            slot = slotCount;
            if (slot == slots.length()) {
                AtomicReferenceArray<HostState> grown = new AtomicReferenceArray<>(slots.length() * 2);
                for (int i = 0; i < slot; i++) {
                    grown.set(i, slots.get(i));
                }
                slots = grown;
            }
            slotOf.put(name, slot);
            slots.set(slot, after);
            slotCount = slot + 1;
        } else {
            slots.set(slot, after);
        }
    }

    public HostState host(String name) {
        return byName.get(name);
    }

    public String hostOfProvider(String providerUuid) {
        return nameByProvider.get(providerUuid);
    }

    public Map<String, String> aggregateMetadata(String aggregate) {
        return aggregateMetadata.getOrDefault(aggregate, Map.of());
    }

    /** Everything, from one consistent read. */
    public void loadAll() {
        Instant started = clock.instant();
        readOnly.executeWithoutResult(tx -> {
            List<HostRow> rows = hosts.all();
            apply(rows, providers.states(null));
            aggregateMetadata = hosts.aggregateMetadata();
        });
        watermark = started;
    }

    /** One host at once (just announced here), without waiting for the next refresh. */
    public void reload(String host) {
        readOnly.executeWithoutResult(tx -> hosts.find(host).ifPresent(row ->
                apply(List.of(row), providers.states(List.of(row.providerUuid())))));
    }

    /** Rows anyone changed since the last refresh. */
    public void refresh() {
        if (watermark == null) {
            loadAll();
            return;
        }
        Instant started = clock.instant();
        Instant since = watermark.minus(OVERLAP);
        readOnly.executeWithoutResult(tx -> {
            List<HostRow> changedHosts = hosts.changedSince(since);
            List<String> changedProviders = providers.changedSince(since);
            Map<String, ProviderState> states = new HashMap<>(providers.states(changedProviders));
            List<String> missing = changedHosts.stream().map(HostRow::providerUuid)
                    .filter(uuid -> !states.containsKey(uuid)).toList();
            states.putAll(providers.states(missing));
            apply(changedHosts, states);
            aggregateMetadata = hosts.aggregateMetadata();
        });
        watermark = started;
    }

    private synchronized void apply(List<HostRow> rows, Map<String, ProviderState> states) {
        for (HostRow row : rows) {
            Instant applied = appliedRows.get(row.name());
            if (applied != null && row.updatedAt() != null && row.updatedAt().isBefore(applied)) {
                // a refresh read this row before an operator's change that reload() has applied since
                continue;
            }
            HostState known = byName.get(row.name());
            ProviderState state = states.get(row.providerUuid());
            if (state == null) {
                if (known == null) {
                    continue;
                }
                state = known.provider();
            }
            Instant heartbeat = latest(row.lastHeartbeat(), known == null ? null : known.lastHeartbeat());
            HostState fresh = new HostState(row.name(), row.availabilityZone(), row.driver(), row.disabled(),
                    row.disabledReason(), row.forcedDown(), heartbeat, row.buildFailures(), state);
            update(row.name(), previous -> fresh);
            nameByProvider.put(row.providerUuid(), row.name());
            if (row.updatedAt() != null) {
                appliedRows.put(row.name(), row.updatedAt());
            }
        }
        for (ProviderState state : states.values()) {
            String name = nameByProvider.get(state.uuid());
            if (name != null) {
                update(name, host -> host == null || host.provider().generation() > state.generation() ? host
                        : host.withProvider(state));
            }
        }
    }

    /** A provider state read or written by this process; older generations never replace newer ones. */
    public void providerChanged(ProviderState state) {
        String name = nameByProvider.get(state.uuid());
        if (name != null) {
            update(name, host -> host == null || host.provider().generation() > state.generation() ? host
                    : host.withProvider(state));
        }
    }

    public void heartbeat(String host, Instant at) {
        heartbeats.merge(host, at, HostStateCache::latest);
        if (byName.containsKey(host)) {
            update(host, state -> state == null ? null : state.withHeartbeat(at));
        }
    }

    /** Heartbeats received since the last call, for the batched write (the host states keep them). */
    public Map<String, Instant> drainHeartbeats() {
        Map<String, Instant> drained = new HashMap<>();
        for (String host : List.copyOf(heartbeats.keySet())) {
            Instant at = heartbeats.remove(host);
            if (at != null) {
                drained.put(host, at);
            }
        }
        return drained;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
