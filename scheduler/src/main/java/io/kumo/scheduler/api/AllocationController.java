package io.kumo.scheduler.api;

import io.kumo.common.auth.Caller;
import io.kumo.scheduler.application.Allocations;
import io.kumo.scheduler.application.Allocations.ConsumerAllocations;
import io.kumo.scheduler.application.Usages;
import io.kumo.scheduler.domain.PlacementException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * /allocations/{consumer} and /resource_providers/{uuid}/allocations. PUT takes the dict form (1.12+)
 * and the older list form; from 1.28 it needs {@code consumer_generation} (null for a new consumer).
 */
@RestController
class AllocationController {

    private final Allocations allocations;
    private final Usages usages;

    AllocationController(Allocations allocations, Usages usages) {
        this.allocations = allocations;
        this.usages = usages;
    }

    @GetMapping("/allocations/{consumer}")
    Map<String, Object> show(Caller caller, HttpServletRequest http, @PathVariable String consumer) {
        PlacementApi.authorize(caller, "allocations:list");
        ConsumerAllocations current = allocations.of(consumer);
        Map<String, Object> byProvider = new LinkedHashMap<>();
        current.byProvider().forEach((provider, held) -> byProvider.put(provider,
                PlacementApi.map("generation", held.generation(), "resources", held.resources())));
        Map<String, Object> view = PlacementApi.map("allocations", byProvider);
        if (current.consumer() != null) {
            if (PlacementApi.atLeast(http, 28)) {
                view.put("consumer_generation", current.consumer().generation());
            }
            if (PlacementApi.atLeast(http, 12)) {
                view.put("project_id", current.consumer().projectId());
                view.put("user_id", current.consumer().userId());
            }
        }
        return view;
    }

    @PutMapping("/allocations/{consumer}")
    ResponseEntity<Void> replace(Caller caller, HttpServletRequest http, @PathVariable String consumer,
            @RequestBody JsonNode body) {
        PlacementApi.authorize(caller, "allocations:update");
        PlacementApi.object(body);
        JsonNode given = body.get("allocations");
        Map<String, Map<String, Integer>> byProvider = new LinkedHashMap<>();
        if (given != null && given.isObject()) {
            for (Map.Entry<String, JsonNode> entry : given.properties()) {
                byProvider.put(entry.getKey(), resources(PlacementApi.object(entry.getValue()).get("resources")));
            }
        } else if (given != null && given.isArray() && !PlacementApi.atLeast(http, 12)) {
            for (JsonNode item : given) {
                JsonNode provider = PlacementApi.object(item).get("resource_provider");
                String uuid = PlacementApi.string(PlacementApi.object(provider), "uuid", true);
                byProvider.put(uuid, resources(item.get("resources")));
            }
        } else {
            throw PlacementException.badRequest("JSON does not validate: 'allocations' is a required property (an"
                    + " object of resource provider uuid to {\"resources\": {...}}).");
        }
        Integer generation;
        if (PlacementApi.atLeast(http, 28)) {
            if (!body.has("consumer_generation")) {
                throw PlacementException.badRequest("JSON does not validate: 'consumer_generation' is a required"
                        + " property");
            }
            generation = PlacementApi.integer(body, "consumer_generation", false);
        } else {
            ConsumerAllocations current = allocations.of(consumer);
            generation = current.consumer() == null ? null : current.consumer().generation();
        }
        allocations.replace(consumer, new Allocations.Replacement(byProvider,
                PlacementApi.string(body, "project_id", true), PlacementApi.string(body, "user_id", true), generation));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/allocations/{consumer}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String consumer) {
        PlacementApi.authorize(caller, "allocations:delete");
        allocations.delete(consumer);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/resource_providers/{uuid}/allocations")
    Map<String, Object> onProvider(Caller caller, @PathVariable String uuid) {
        PlacementApi.authorize(caller, "resource_providers:allocations:list");
        Usages.ProviderAllocations on = usages.allocationsOn(uuid);
        Map<String, Object> byConsumer = new LinkedHashMap<>();
        on.byConsumer().forEach((consumer, resources) -> byConsumer.put(consumer, Map.of("resources", resources)));
        return PlacementApi.map("allocations", byConsumer, "resource_provider_generation", on.generation());
    }

    private static Map<String, Integer> resources(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw PlacementException.badRequest("JSON does not validate: 'resources' is a required property");
        }
        Map<String, Integer> amounts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            amounts.put(entry.getKey(), PlacementApi.integer(node, entry.getKey(), true));
        }
        return amounts;
    }
}
