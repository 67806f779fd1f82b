package io.kumo.scheduler.application;

import io.kumo.scheduler.domain.PlacementException;
import io.kumo.scheduler.domain.ProviderState;
import io.kumo.scheduler.domain.ResourceRequest;
import io.kumo.scheduler.persistence.ProviderRecords;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GET /allocation_candidates: every provider that can hold the whole request on its own, with traits
 * and aggregates as asked, from one consistent read of the database (not the scheduler's cache: an
 * API answer must be the committed truth). Sharing providers and nested trees are not offered yet.
 */
@Service
public class AllocationCandidates {

    private final ProviderRecords providers;
    private final ResourceClassCatalog resourceClasses;
    private final TraitCatalog traits;

    AllocationCandidates(ProviderRecords providers, ResourceClassCatalog resourceClasses, TraitCatalog traits) {
        this.providers = providers;
        this.resourceClasses = resourceClasses;
        this.traits = traits;
    }

    @Transactional(readOnly = true)
    public List<ProviderState> find(ResourceRequest request, Integer limit) {
        for (String rc : request.resources().keySet()) {
            if (!resourceClasses.exists(rc)) {
                throw PlacementException.badRequest("Invalid resource class in resources parameter: No such resource"
                        + " class " + rc + ".");
            }
        }
        traits.requireKnown(request.required());
        traits.requireKnown(request.forbidden());
        if (limit != null && limit < 1) {
            throw PlacementException.badRequest("Invalid query string parameters: 'limit' must be a positive integer.");
        }
        List<ProviderState> fitting = new ArrayList<>();
        for (ProviderState state : providers.states(null).values()) {
            if (state.unfit(request) == null) {
                fitting.add(state);
                if (limit != null && fitting.size() == limit) {
                    break;
                }
            }
        }
        return fitting;
    }
}
