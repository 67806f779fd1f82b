package io.kumo.scheduler.application;

import io.kumo.scheduler.domain.Inventory;
import io.kumo.scheduler.domain.PlacementException;
import io.kumo.scheduler.domain.ResourceClasses;
import io.kumo.scheduler.persistence.AllocationRecords;
import io.kumo.scheduler.persistence.CustomNames;
import io.kumo.scheduler.persistence.ProviderRecords;
import io.kumo.scheduler.persistence.ProviderRecords.ProviderRow;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A provider's inventories. Every write names the provider generation it was computed from (409
 * {@code placement.concurrent_update} when stale) and never leaves less capacity than is allocated
 * (409 {@code placement.inventory.inuse}).
 */
@Service
public class Inventories {

    private final ResourceProviders resourceProviders;
    private final ProviderRecords providers;
    private final AllocationRecords allocations;
    private final CustomNames customNames;
    private final Clock clock;

    Inventories(ResourceProviders resourceProviders, ProviderRecords providers, AllocationRecords allocations,
            CustomNames customNames, Clock clock) {
        this.resourceProviders = resourceProviders;
        this.providers = providers;
        this.allocations = allocations;
        this.customNames = customNames;
        this.clock = clock;
    }

    /** A provider's inventories at its generation. */
    public record InventorySet(int generation, Map<String, Inventory> inventories) {
    }

    @Transactional(readOnly = true)
    public InventorySet get(String uuid) {
        ProviderRow row = resourceProviders.find(uuid);
        return new InventorySet(row.generation(), providers.inventories(row.uuid()));
    }

    @Transactional(readOnly = true)
    public Inventory getOne(String uuid, String resourceClass) {
        ProviderRow row = resourceProviders.find(uuid);
        Inventory inventory = providers.inventories(row.uuid()).get(resourceClass);
        if (inventory == null) {
            throw PlacementException.notFound("No inventory of class " + resourceClass
                    + " found for resource provider " + row.uuid());
        }
        return inventory;
    }

    @Transactional
    public InventorySet replace(String uuid, Integer generation, Map<String, Inventory> inventories) {
        ProviderRow row = resourceProviders.find(uuid);
        return write(row, generation, new LinkedHashMap<>(inventories));
    }

    /** POST: one new class. */
    @Transactional
    public InventorySet add(String uuid, Integer generation, String resourceClass, Inventory inventory) {
        ProviderRow row = resourceProviders.find(uuid);
        Map<String, Inventory> next = new LinkedHashMap<>(providers.inventories(row.uuid()));
        if (next.containsKey(resourceClass)) {
            throw PlacementException.conflict(PlacementException.UNDEFINED, "Update conflict: Inventory for '"
                    + resourceClass + "' on resource provider '" + row.uuid() + "' already exists.");
        }
        next.put(resourceClass, inventory);
        return write(row, generation, next);
    }

    @Transactional
    public InventorySet updateOne(String uuid, Integer generation, String resourceClass, Inventory inventory) {
        ProviderRow row = resourceProviders.find(uuid);
        Map<String, Inventory> next = new LinkedHashMap<>(providers.inventories(row.uuid()));
        if (!next.containsKey(resourceClass)) {
            throw PlacementException.badRequest("No inventory record with resource class for resource provider "
                    + row.uuid() + ": " + resourceClass);
        }
        next.put(resourceClass, inventory);
        return write(row, generation, next);
    }

    @Transactional
    public void deleteOne(String uuid, String resourceClass) {
        ProviderRow row = resourceProviders.find(uuid);
        Map<String, Inventory> next = new LinkedHashMap<>(providers.inventories(row.uuid()));
        if (next.remove(resourceClass) == null) {
            throw PlacementException.notFound("No inventory of class " + resourceClass
                    + " found for delete on resource provider " + row.uuid());
        }
        write(row, row.generation(), next);
    }

    @Transactional
    public void deleteAll(String uuid) {
        ProviderRow row = resourceProviders.find(uuid);
        write(row, row.generation(), Map.of());
    }

    private InventorySet write(ProviderRow row, Integer generation, Map<String, Inventory> next) {
        if (generation == null) {
            throw PlacementException.badRequest("'resource_provider_generation' is a required property");
        }
        for (String resourceClass : next.keySet()) {
            if (!ResourceClasses.isStandard(resourceClass)
                    && !customNames.exists(CustomNames.Kind.RESOURCE_CLASS, resourceClass)) {
                throw PlacementException.badRequest("Unknown resource class in inventory for resource provider "
                        + row.uuid() + ": " + resourceClass);
            }
        }
        if (generation != row.generation()) {
            throw PlacementException.concurrentUpdate("Resource provider " + row.uuid());
        }
        Map<String, Long> usage = allocations.usage(row.uuid());
        for (Map.Entry<String, Long> used : usage.entrySet()) {
            Inventory inventory = next.get(used.getKey());
            if (inventory == null) {
                throw PlacementException.conflict(PlacementException.INVENTORY_IN_USE, "Inventory for '"
                        + used.getKey() + "' on resource provider '" + row.uuid() + "' in use: "
                        + used.getValue() + " allocated.");
            }
            if (inventory.capacity() < used.getValue()) {
                throw PlacementException.conflict(PlacementException.INVENTORY_IN_USE, "Unable to update inventory"
                        + " for resource provider " + row.uuid() + ": the capacity of " + used.getKey() + " ("
                        + inventory.capacity() + ") would be below what is allocated (" + used.getValue() + ").");
            }
        }
        if (!providers.bumpGeneration(row.uuid(), generation, clock.instant())) {
            throw PlacementException.concurrentUpdate("Resource provider " + row.uuid());
        }
        providers.replaceInventories(row.uuid(), next);
        return new InventorySet(generation + 1, providers.inventories(row.uuid()));
    }
}
