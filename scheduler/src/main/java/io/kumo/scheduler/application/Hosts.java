package io.kumo.scheduler.application;

import io.kumo.common.contract.host.HostAnnounced;
import io.kumo.common.contract.host.InventorySpec;
import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.Inventory;
import io.kumo.scheduler.domain.PlacementException;
import io.kumo.scheduler.domain.ProviderState;
import io.kumo.scheduler.domain.Traits;
import io.kumo.scheduler.domain.Uuids;
import io.kumo.scheduler.persistence.AllocationRecords;
import io.kumo.scheduler.persistence.HostRecords;
import io.kumo.scheduler.persistence.HostRecords.HostRow;
import io.kumo.scheduler.persistence.ProviderRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hosts' lifecycle: an announcement creates or updates the host and its resource provider (the
 * agent's inventories and standard traits; operators' CUSTOM_* traits and aggregates stay), heartbeats
 * mark it alive, and operators enable, disable or force it down.
 */
@Service
public class Hosts {

    private static final Logger log = LoggerFactory.getLogger(Hosts.class);

    private final HostRecords hosts;
    private final ProviderRecords providers;
    private final AllocationRecords allocations;
    private final HostStateCache cache;
    private final SchedulerSettings settings;
    private final Clock clock;

    Hosts(HostRecords hosts, ProviderRecords providers, AllocationRecords allocations, HostStateCache cache,
            SchedulerSettings settings, Clock clock) {
        this.hosts = hosts;
        this.providers = providers;
        this.allocations = allocations;
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
    }

    /** A host's liveness as operators see it. */
    public record Liveness(Instant lastHeartbeat, boolean up) {
    }

    /**
     * Up or down by the rule the ComputeFilter applies: what operators set (the row, at once) and the
     * latest heartbeat (this instance's memory may be newer than the last batched write).
     */
    public Liveness liveness(HostRow row) {
        HostState cached = cache.host(row.name());
        Instant heartbeat = row.lastHeartbeat();
        if (cached != null && cached.lastHeartbeat() != null
                && (heartbeat == null || cached.lastHeartbeat().isAfter(heartbeat))) {
            heartbeat = cached.lastHeartbeat();
        }
        return new Liveness(heartbeat, HostState.isUp(row.forcedDown(), heartbeat,
                clock.instant().minus(settings.hostDownAfter())));
    }

    @Transactional
    public void announce(HostAnnounced announcement) {
        String name = announcement.host();
        if (name == null || name.isBlank() || name.length() > 200) {
            log.warn("Ignoring a host announcement without a usable host name");
            return;
        }
        Instant now = clock.instant();
        Instant at = now;
        String zone = announcement.availabilityZone() == null || announcement.availabilityZone().isBlank() ? "nova"
                : announcement.availabilityZone();
        String driver = announcement.driver() == null ? "" : announcement.driver();
        HostRow existing = hosts.find(name).orElse(null);
        String providerUuid;
        if (existing == null) {
            providerUuid = providerFor(name, announcement.providerUuid(), now);
            hosts.insert(name, providerUuid, zone, driver, at, now);
        } else {
            providerUuid = existing.providerUuid();
            hosts.announced(name, zone, driver, at, now);
        }
        hosts.facts(name, announcement.facts());
        syncProvider(providerUuid, announcement, now);
        reloadAfterCommit(name);
    }

    /** This instance schedules with the change at once; others read it at their next refresh. */
    private void reloadAfterCommit(String host) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.reload(host);
            }
        });
    }

    private String providerFor(String host, String announcedUuid, Instant now) {
        ProviderRecords.ProviderRow byName = providers.findByName(host).orElse(null);
        if (byName != null) {
            return byName.uuid();
        }
        String uuid = Uuids.canonical(announcedUuid);
        if (uuid == null || providers.find(uuid).isPresent()) {
            uuid = Uuids.random();
        }
        providers.insert(uuid, host, null, uuid, now);
        return uuid;
    }

    /** Inventories as announced (never below what is allocated) and the agent's standard traits. */
    private void syncProvider(String uuid, HostAnnounced announcement, Instant now) {
        ProviderState state = providers.states(List.of(uuid)).get(uuid);
        Map<String, Inventory> inventories = new LinkedHashMap<>();
        announcement.inventories().forEach((rc, spec) -> inventories.put(rc, toInventory(spec)));
        for (Map.Entry<String, Inventory> entry : inventories.entrySet()) {
            long used = state.used(entry.getKey());
            if (used > entry.getValue().capacity()) {
                log.warn("Host {} announced {} {} but {} is allocated; keeping its old inventory",
                        announcement.host(), entry.getValue().capacity(), entry.getKey(), used);
                return;
            }
        }
        Set<String> traits = new TreeSet<>();
        state.traits().stream().filter(t -> !Traits.isStandard(t)).forEach(traits::add);
        announcement.traits().stream().filter(Traits::isStandard).forEach(traits::add);
        if (inventories.equals(state.inventories()) && traits.equals(state.traits())) {
            return;
        }
        if (!providers.bumpGeneration(uuid, state.generation(), now)) {
            throw PlacementException.concurrentUpdate("Resource provider " + uuid);
        }
        providers.replaceInventories(uuid, inventories);
        providers.replaceTraits(uuid, traits);
    }

    private static Inventory toInventory(InventorySpec spec) {
        return new Inventory(spec.total(), spec.reserved(), Math.max(1, spec.minUnit()),
                spec.maxUnit() <= 0 ? spec.total() : spec.maxUnit(), Math.max(1, spec.stepSize()),
                spec.allocationRatio() <= 0 ? 1.0 : spec.allocationRatio()).validated();
    }

    /** Liveness by this scheduler's clock at receipt: agents' clocks may be skewed. */
    public void heartbeat(String host) {
        cache.heartbeat(host, clock.instant());
    }

    @Transactional
    public void flushHeartbeats() {
        Map<String, Instant> latest = cache.drainHeartbeats();
        if (!latest.isEmpty()) {
            hosts.heartbeats(latest);
        }
    }

    @Transactional(readOnly = true)
    public List<HostRow> list() {
        return hosts.all();
    }

    @Transactional(readOnly = true)
    public HostRow show(String name) {
        return hosts.find(name).orElseThrow(() -> PlacementException.notFound("No host named " + name + " found."));
    }

    /** Operators (through compute's os-services) disable a host or force it down. */
    @Transactional
    public HostRow setStatus(String name, boolean disabled, String reason, boolean forcedDown) {
        HostRow host = show(name);
        if (reason != null && reason.length() > 255) {
            throw PlacementException.badRequest("disabled_reason must be at most 255 characters.");
        }
        hosts.setStatus(host.name(), disabled, disabled ? reason : null, forcedDown, clock.instant());
        reloadAfterCommit(host.name());
        return hosts.find(name).orElseThrow();
    }

    @Transactional
    public void setAggregateMetadata(String aggregate, Map<String, String> metadata) {
        hosts.replaceAggregateMetadata(aggregate, metadata);
    }

    @Transactional(readOnly = true)
    /** A host's capacity and use, for os-hypervisors: inventories, usage per class and consumers. */
    public record Resources(Map<String, Inventory> inventories, Map<String, Long> usages, long consumers) {
    }

    /** Every host's resources by provider uuid, from one snapshot. */
    @Transactional(readOnly = true)
    public Map<String, Resources> resources() {
        Map<String, Long> consumers = allocations.consumerCounts();
        Map<String, Resources> resources = new java.util.HashMap<>();
        providers.states(null).forEach((uuid, state) -> {
            Map<String, Long> used = new java.util.TreeMap<>();
            state.inventories().keySet().forEach(rc -> used.put(rc, state.used(rc)));
            resources.put(uuid, new Resources(state.inventories(), used, consumers.getOrDefault(uuid, 0L)));
        });
        return resources;
    }

    public Map<String, Long> usage(HostRow host) {
        return allocations.usage(host.providerUuid());
    }
}
