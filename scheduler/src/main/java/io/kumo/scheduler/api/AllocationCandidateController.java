package io.kumo.scheduler.api;

import io.kumo.common.auth.Caller;
import io.kumo.scheduler.application.AllocationCandidates;
import io.kumo.scheduler.domain.PlacementException;
import io.kumo.scheduler.domain.ProviderState;
import io.kumo.scheduler.domain.ResourceRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /allocation_candidates (1.10+): allocation requests and provider summaries. */
@RestController
class AllocationCandidateController {

    private final AllocationCandidates candidates;

    AllocationCandidateController(AllocationCandidates candidates) {
        this.candidates = candidates;
    }

    @GetMapping("/allocation_candidates")
    Map<String, Object> find(Caller caller, HttpServletRequest http, @RequestParam(required = false) String resources,
            @RequestParam(required = false) List<String> required,
            @RequestParam(name = "member_of", required = false) List<String> memberOf,
            @RequestParam(required = false) String limit) {
        PlacementApi.authorize(caller, "allocation_candidates:list");
        if (!PlacementApi.atLeast(http, 10)) {
            throw PlacementException.notFound("The resource could not be found.");
        }
        ResourceRequest request = ResourceRequest.parse(resources, required, memberOf);
        List<Object> requests = new ArrayList<>();
        Map<String, Object> summaries = new LinkedHashMap<>();
        for (ProviderState state : candidates.find(request, parseLimit(limit))) {
            requests.add(allocationRequest(state, request, http));
            summaries.put(state.uuid(), summary(state, http));
        }
        return PlacementApi.map("allocation_requests", requests, "provider_summaries", summaries);
    }

    private static Object allocationRequest(ProviderState state, ResourceRequest request, HttpServletRequest http) {
        if (!PlacementApi.atLeast(http, 12)) {
            return PlacementApi.map("allocations", List.of(PlacementApi.map("resource_provider",
                    Map.of("uuid", state.uuid()), "resources", request.resources())));
        }
        Map<String, Object> view = PlacementApi.map("allocations",
                Map.of(state.uuid(), Map.of("resources", request.resources())));
        if (PlacementApi.atLeast(http, 34)) {
            view.put("mappings", Map.of("", List.of(state.uuid())));
        }
        return view;
    }

    private static Map<String, Object> summary(ProviderState state, HttpServletRequest http) {
        Map<String, Object> resources = new TreeMap<>();
        state.inventories().forEach((rc, inventory) -> resources.put(rc,
                PlacementApi.map("capacity", inventory.capacity(), "used", state.used(rc))));
        Map<String, Object> view = PlacementApi.map("resources", resources);
        if (PlacementApi.atLeast(http, 17)) {
            view.put("traits", state.sortedTraits());
        }
        if (PlacementApi.atLeast(http, 29)) {
            view.put("parent_provider_uuid", state.parentUuid());
            view.put("root_provider_uuid", state.rootUuid());
        }
        return view;
    }

    private static Integer parseLimit(String limit) {
        if (limit == null) {
            return null;
        }
        try {
            return Integer.valueOf(limit);
        } catch (NumberFormatException e) {
            throw PlacementException.badRequest("Invalid query string parameters: 'limit' must be a positive integer,"
                    + " got '" + limit + "'.");
        }
    }
}
