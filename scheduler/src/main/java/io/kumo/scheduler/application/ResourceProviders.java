package io.kumo.scheduler.application;

import io.kumo.scheduler.domain.PlacementException;
import io.kumo.scheduler.domain.ProviderState;
import io.kumo.scheduler.domain.ResourceRequest;
import io.kumo.scheduler.domain.Uuids;
import io.kumo.scheduler.persistence.AllocationRecords;
import io.kumo.scheduler.persistence.ProviderRecords;
import io.kumo.scheduler.persistence.ProviderRecords.ProviderRow;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Placement's /resource_providers: create, list with filters, show, rename or re-parent, delete. */
@Service
public class ResourceProviders {

    private final ProviderRecords providers;
    private final AllocationRecords allocations;
    private final Clock clock;

    ResourceProviders(ProviderRecords providers, AllocationRecords allocations, Clock clock) {
        this.providers = providers;
        this.allocations = allocations;
        this.clock = clock;
    }

    /**
     * Filters of GET /resource_providers; null means not given.
     *
     * @param resources providers with capacity for these amounts
     * @param inTree    providers in the tree of this provider
     */
    public record Query(String name, String uuid, Map<String, Integer> resources, Set<String> required,
            Set<String> forbidden, List<Set<String>> memberOf, String inTree) {
    }

    @Transactional
    public ProviderRow create(String name, String requestedUuid, String parentUuid) {
        String uuid = requestedUuid == null ? Uuids.random() : canonical(requestedUuid, "uuid");
        requireName(name);
        if (providers.find(uuid).isPresent()) {
            throw PlacementException.conflict(PlacementException.DUPLICATE_NAME,
                    "Conflicting resource provider uuid: " + uuid + " already exists.");
        }
        if (providers.findByName(name).isPresent()) {
            throw duplicateName(name);
        }
        String root = uuid;
        String parent = null;
        if (parentUuid != null) {
            ProviderRow parentRow = providers.find(canonical(parentUuid, "parent_provider_uuid"))
                    .orElseThrow(() -> PlacementException.badRequest("parent provider UUID does not exist."));
            parent = parentRow.uuid();
            root = parentRow.rootUuid();
        }
        try {
            providers.insert(uuid, name, parent, root, clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicateName(name);
        }
        return providers.find(uuid).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ProviderRow show(String uuid) {
        return find(uuid);
    }

    @Transactional(readOnly = true)
    public List<ProviderRow> list(Query query) {
        List<ProviderRow> rows = providers.list(query.name(), query.uuid() == null ? null : canonical(query.uuid(), "uuid"));
        String tree = query.inTree() == null ? null : canonical(query.inTree(), "in_tree");
        String treeRoot = tree == null ? null : providers.find(tree).map(ProviderRow::rootUuid).orElse("");
        boolean byState = query.resources() != null || query.required() != null || query.memberOf() != null;
        Map<String, ProviderState> states = byState ? providers.states(rows.stream().map(ProviderRow::uuid).toList())
                : Map.of();
        ResourceRequest request = byState ? new ResourceRequest(
                query.resources() == null ? Map.of() : query.resources(),
                query.required() == null ? Set.of() : query.required(),
                query.forbidden() == null ? Set.of() : query.forbidden(),
                query.memberOf() == null ? List.of() : query.memberOf()) : null;
        return rows.stream()
                .filter(r -> treeRoot == null || treeRoot.equals(r.rootUuid()))
                .filter(r -> request == null || states.get(r.uuid()).unfit(request) == null)
                .toList();
    }

    /** PUT: a new name and optionally a new parent (never a loop, never un-parenting). */
    @Transactional
    public ProviderRow update(String uuid, String name, String parentUuid) {
        ProviderRow row = find(uuid);
        requireName(name);
        providers.findByName(name).filter(other -> !other.uuid().equals(row.uuid())).ifPresent(other -> {
            throw duplicateName(name);
        });
        String parent = row.parentUuid();
        String root = row.rootUuid();
        if (parentUuid != null && !parentUuid.equals(row.parentUuid())) {
            ProviderRow newParent = providers.find(canonical(parentUuid, "parent_provider_uuid"))
                    .orElseThrow(() -> PlacementException.badRequest("parent provider UUID does not exist."));
            if (row.parentUuid() != null || newParent.rootUuid().equals(row.rootUuid())) {
                throw PlacementException.badRequest("Unable to save resource provider " + row.uuid()
                        + ": re-parenting a provider is not supported, nor creating a loop in a tree.");
            }
            if (providers.hasChildren(row.uuid())) {
                throw PlacementException.badRequest("Unable to save resource provider " + row.uuid()
                        + ": a provider with children cannot get a parent.");
            }
            parent = newParent.uuid();
            root = newParent.rootUuid();
        } else if (parentUuid == null && row.parentUuid() != null) {
            throw PlacementException.badRequest("Unable to save resource provider " + row.uuid()
                    + ": un-parenting a provider is not supported.");
        }
        try {
            providers.update(row.uuid(), name, parent, root, clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicateName(name);
        }
        return providers.find(row.uuid()).orElseThrow();
    }

    @Transactional
    public void delete(String uuid) {
        ProviderRow row = find(uuid);
        if (allocations.providerHasAllocations(row.uuid())) {
            throw PlacementException.conflict(PlacementException.PROVIDER_IN_USE, "Unable to delete resource provider "
                    + row.uuid() + ": Resource provider has allocations.");
        }
        if (providers.hasChildren(row.uuid())) {
            throw PlacementException.conflict(PlacementException.CANNOT_DELETE_PARENT, "Unable to delete parent"
                    + " resource provider " + row.uuid() + ": It has child resource providers.");
        }
        providers.delete(row.uuid());
    }

    ProviderRow find(String uuid) {
        String canonical = Uuids.canonical(uuid);
        return (canonical == null ? Optional.<ProviderRow>empty() : providers.find(canonical))
                .orElseThrow(() -> new PlacementException(404, PlacementException.PROVIDER_NOT_FOUND,
                        "No resource provider with uuid " + uuid + " found"));
    }

    private static String canonical(String uuid, String field) {
        String canonical = Uuids.canonical(uuid);
        if (canonical == null) {
            throw PlacementException.badRequest("Invalid " + field + ": '" + uuid + "' is not a UUID.");
        }
        return canonical;
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw PlacementException.badRequest("'name' is required: 1 to 200 characters.");
        }
    }

    private static PlacementException duplicateName(String name) {
        return PlacementException.conflict(PlacementException.DUPLICATE_NAME,
                "Conflicting resource provider name: " + name + " already exists.");
    }
}
