package io.kumo.scheduler.api;

import io.kumo.common.auth.Caller;
import io.kumo.scheduler.application.ProviderAggregates;
import io.kumo.scheduler.application.ProviderAggregates.Aggregates;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * /resource_providers/{uuid}/aggregates: from 1.19 with the provider generation (body and answer
 * both); before, a bare list written without a guard.
 */
@RestController
class AggregateController {

    private final ProviderAggregates aggregates;

    AggregateController(ProviderAggregates aggregates) {
        this.aggregates = aggregates;
    }

    @GetMapping("/resource_providers/{uuid}/aggregates")
    Map<String, Object> show(Caller caller, HttpServletRequest http, @PathVariable String uuid) {
        PlacementApi.authorize(caller, "resource_providers:aggregates:list");
        return view(aggregates.of(uuid), http);
    }

    @PutMapping("/resource_providers/{uuid}/aggregates")
    Map<String, Object> replace(Caller caller, HttpServletRequest http, @PathVariable String uuid,
            @RequestBody JsonNode body) {
        PlacementApi.authorize(caller, "resource_providers:aggregates:update");
        if (PlacementApi.atLeast(http, 19)) {
            PlacementApi.object(body);
            return view(aggregates.replace(uuid, PlacementApi.integer(body, "resource_provider_generation", true),
                    PlacementApi.strings(body.get("aggregates"), "aggregates")), http);
        }
        int generation = aggregates.of(uuid).generation();
        return view(aggregates.replace(uuid, generation, PlacementApi.strings(body, "aggregates")), http);
    }

    private static Map<String, Object> view(Aggregates current, HttpServletRequest http) {
        return PlacementApi.atLeast(http, 19)
                ? PlacementApi.map("aggregates", current.aggregates(), "resource_provider_generation",
                        current.generation())
                : PlacementApi.map("aggregates", current.aggregates());
    }
}
