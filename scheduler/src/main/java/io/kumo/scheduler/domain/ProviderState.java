package io.kumo.scheduler.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One resource provider as the candidate search sees it: inventories, usage, traits and aggregates at
 * one generation. Immutable: a claim produces a new state with the new usage and generation. The
 * capacity left per class is computed once here, since every decision reads it for every host.
 */
public final class ProviderState {

    private final String uuid;
    private final String name;
    private final int generation;
    private final String rootUuid;
    private final String parentUuid;
    private final Map<String, Inventory> inventories;
    private final Map<String, Long> usages;
    private final Set<String> traits;
    private final Set<String> aggregates;
    private final String[] classes;
    private final Inventory[] classInventories;
    private final long[] classUsed;
    private final long[] classFree;

    public ProviderState(String uuid, String name, int generation, String rootUuid, String parentUuid,
            Map<String, Inventory> inventories, Map<String, Long> usages, Set<String> traits, Set<String> aggregates) {
        this.uuid = uuid;
        this.name = name;
        this.generation = generation;
        this.rootUuid = rootUuid;
        this.parentUuid = parentUuid;
        this.inventories = Map.copyOf(inventories);
        this.usages = Map.copyOf(usages);
        this.traits = Set.copyOf(traits);
        this.aggregates = Set.copyOf(aggregates);
        int n = this.inventories.size();
        this.classes = new String[n];
        this.classInventories = new Inventory[n];
        this.classUsed = new long[n];
        this.classFree = new long[n];
        int i = 0;
        for (Map.Entry<String, Inventory> entry : this.inventories.entrySet()) {
            classes[i] = entry.getKey().intern();
            classInventories[i] = entry.getValue();
            classUsed[i] = this.usages.getOrDefault(entry.getKey(), 0L);
            classFree[i] = Math.max(0, entry.getValue().capacity() - classUsed[i]);
            i++;
        }
    }

    public String uuid() {
        return uuid;
    }

    public String name() {
        return name;
    }

    public int generation() {
        return generation;
    }

    public String rootUuid() {
        return rootUuid;
    }

    public String parentUuid() {
        return parentUuid;
    }

    public Map<String, Inventory> inventories() {
        return inventories;
    }

    public Map<String, Long> usages() {
        return usages;
    }

    public Set<String> traits() {
        return traits;
    }

    public Set<String> aggregates() {
        return aggregates;
    }

    private int indexOf(String resourceClass) {
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] == resourceClass) {
                return i;
            }
        }
        for (int i = 0; i < classes.length; i++) {
            if (classes[i].equals(resourceClass)) {
                return i;
            }
        }
        return -1;
    }

    public long used(String resourceClass) {
        return usages.getOrDefault(resourceClass, 0L);
    }

    /** Capacity left of a class (0 when the provider has none of it). */
    public long free(String resourceClass) {
        int i = indexOf(resourceClass);
        return i < 0 ? 0 : classFree[i];
    }

    /**
     * @return why this provider cannot serve the request, in words that group well across providers
     *         ("insufficient VCPU", "missing trait COMPUTE_CONTAINER"), or null if it can
     */
    public String unfit(ResourceRequest request) {
        for (Map.Entry<String, Integer> wanted : request.resources().entrySet()) {
            int i = indexOf(wanted.getKey());
            if (i < 0) {
                return "no " + wanted.getKey() + " inventory";
            }
            if (wanted.getValue() > classFree[i] || classInventories[i].refusal(wanted.getValue(), classUsed[i]) != null) {
                return "insufficient " + wanted.getKey();
            }
        }
        if (!request.required().isEmpty() && !traits.containsAll(request.required())) {
            return "missing trait " + request.required().stream().filter(t -> !traits.contains(t)).sorted()
                    .findFirst().orElseThrow();
        }
        for (String trait : request.forbidden()) {
            if (traits.contains(trait)) {
                return "has forbidden trait " + trait;
            }
        }
        for (Set<String> anyOf : request.memberOf()) {
            if (anyOf.stream().noneMatch(aggregates::contains)) {
                return "not in aggregate " + String.join(" or ", anyOf);
            }
        }
        return null;
    }

    /** The state after {@code resources} were allocated here and the generation moved on. */
    public ProviderState plus(Map<String, Integer> resources, int newGeneration) {
        Map<String, Long> after = new HashMap<>(usages);
        resources.forEach((rc, amount) -> after.merge(rc, (long) amount, Long::sum));
        return new ProviderState(uuid, name, newGeneration, rootUuid, parentUuid, inventories, after, traits, aggregates);
    }

    public List<String> sortedTraits() {
        return traits.stream().sorted().toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderState other && uuid.equals(other.uuid) && generation == other.generation
                && inventories.equals(other.inventories) && usages.equals(other.usages) && traits.equals(other.traits)
                && aggregates.equals(other.aggregates) && Objects.equals(parentUuid, other.parentUuid)
                && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid, generation);
    }

    @Override
    public String toString() {
        return "ProviderState[" + name + " " + uuid + " generation " + generation + "]";
    }
}
