package io.kumo.scheduler.application;

import io.kumo.scheduler.domain.PlacementException;
import io.kumo.scheduler.domain.Traits;
import io.kumo.scheduler.persistence.CustomNames;
import io.kumo.scheduler.persistence.ProviderRecords;
import io.kumo.scheduler.persistence.ProviderRecords.ProviderRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** /traits (standard and CUSTOM_*) and each provider's traits. */
@Service
public class TraitCatalog {

    private final ResourceProviders resourceProviders;
    private final ProviderRecords providers;
    private final CustomNames customNames;
    private final Clock clock;

    TraitCatalog(ResourceProviders resourceProviders, ProviderRecords providers, CustomNames customNames, Clock clock) {
        this.resourceProviders = resourceProviders;
        this.providers = providers;
        this.customNames = customNames;
        this.clock = clock;
    }

    public record ProviderTraits(int generation, Set<String> traits) {
    }

    /**
     * @param name       {@code in:A,B} or {@code startswith:CUSTOM_}, or null
     * @param associated true: only traits some provider has; false: only those none has; null: all
     */
    @Transactional(readOnly = true)
    public List<String> list(String name, Boolean associated) {
        Predicate<String> byName = nameFilter(name);
        Set<String> all = new TreeSet<>(Traits.STANDARD);
        all.addAll(customNames.all(CustomNames.Kind.TRAIT));
        Set<String> inUse = associated == null ? Set.of() : providers.traitsInUse();
        List<String> result = new ArrayList<>();
        for (String trait : all) {
            if (byName.test(trait) && (associated == null || associated == inUse.contains(trait))) {
                result.add(trait);
            }
        }
        return result;
    }

    @Transactional(readOnly = true)
    public boolean exists(String name) {
        return Traits.isStandard(name) || customNames.exists(CustomNames.Kind.TRAIT, name);
    }

    /** @return true if created, false if it existed */
    @Transactional
    public boolean create(String name) {
        if (Traits.isStandard(name)) {
            return false;
        }
        if (!Traits.isValidCustomName(name)) {
            throw PlacementException.badRequest("The trait is invalid. A valid trait must be no longer than 255"
                    + " characters, start with the prefix \"CUSTOM_\" and use following characters: \"A\"-\"Z\","
                    + " \"0\"-\"9\" and \"_\"");
        }
        return customNames.create(CustomNames.Kind.TRAIT, name, clock.instant());
    }

    @Transactional
    public void delete(String name) {
        if (Traits.isStandard(name)) {
            throw PlacementException.badRequest("Cannot delete standard trait " + name + ".");
        }
        if (!customNames.exists(CustomNames.Kind.TRAIT, name)) {
            throw PlacementException.notFound("No such trait(s): " + name + ".");
        }
        if (providers.traitInUse(name)) {
            throw PlacementException.conflict(PlacementException.UNDEFINED,
                    "The trait " + name + " is in use by a resource provider.");
        }
        customNames.delete(CustomNames.Kind.TRAIT, name);
    }

    @Transactional(readOnly = true)
    public ProviderTraits ofProvider(String uuid) {
        ProviderRow row = resourceProviders.find(uuid);
        return new ProviderTraits(row.generation(), providers.traits(row.uuid()));
    }

    @Transactional
    public ProviderTraits replace(String uuid, Integer generation, Collection<String> traits) {
        ProviderRow row = resourceProviders.find(uuid);
        if (generation == null) {
            throw PlacementException.badRequest("'resource_provider_generation' is a required property");
        }
        requireKnown(traits);
        if (generation != row.generation() || !providers.bumpGeneration(row.uuid(), generation, clock.instant())) {
            throw PlacementException.concurrentUpdate("Resource provider " + row.uuid());
        }
        providers.replaceTraits(row.uuid(), new TreeSet<>(traits));
        return new ProviderTraits(generation + 1, providers.traits(row.uuid()));
    }

    @Transactional
    public void clear(String uuid) {
        ProviderRow row = resourceProviders.find(uuid);
        if (!providers.bumpGeneration(row.uuid(), row.generation(), clock.instant())) {
            throw PlacementException.concurrentUpdate("Resource provider " + row.uuid());
        }
        providers.replaceTraits(row.uuid(), List.of());
    }

    /** Traits named in a query must exist: 400 otherwise. */
    @Transactional(readOnly = true)
    public void requireKnown(Collection<String> traits) {
        List<String> unknown = traits.stream().filter(t -> !exists(t)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw PlacementException.badRequest("No such trait(s): " + String.join(", ", unknown) + ".");
        }
    }

    private static Predicate<String> nameFilter(String name) {
        if (name == null || name.isBlank()) {
            return t -> true;
        }
        if (name.startsWith("in:")) {
            Set<String> names = Set.of(name.substring(3).split(","));
            return names::contains;
        }
        if (name.startsWith("startswith:")) {
            String prefix = name.substring("startswith:".length());
            return t -> t.startsWith(prefix);
        }
        throw PlacementException.badRequest("Badly formatted name parameter. Expected name query string parameter"
                + " in form: ?name=[in|startswith]:[name1,name2|prefix]. Got: \"" + name + "\"");
    }
}
