package io.kumo.scheduler.api;

import io.kumo.common.auth.Caller;
import io.kumo.scheduler.application.Inventories;
import io.kumo.scheduler.application.Inventories.InventorySet;
import io.kumo.scheduler.domain.Inventory;
import io.kumo.scheduler.domain.PlacementException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** /resource_providers/{uuid}/inventories[/{resource_class}]. */
@RestController
class InventoryController {

    private static final Set<String> FIELDS = Set.of("total", "reserved", "min_unit", "max_unit", "step_size",
            "allocation_ratio", "resource_provider_generation", "resource_class");

    private final Inventories inventories;

    InventoryController(Inventories inventories) {
        this.inventories = inventories;
    }

    @GetMapping("/resource_providers/{uuid}/inventories")
    Map<String, Object> list(Caller caller, @PathVariable String uuid) {
        PlacementApi.authorize(caller, "resource_providers:inventories:list");
        return view(inventories.get(uuid));
    }

    @PutMapping("/resource_providers/{uuid}/inventories")
    Map<String, Object> replace(Caller caller, @PathVariable String uuid, @RequestBody JsonNode body) {
        PlacementApi.authorize(caller, "resource_providers:inventories:update");
        PlacementApi.object(body);
        JsonNode given = body.get("inventories");
        if (given == null || !given.isObject()) {
            throw PlacementException.badRequest("JSON does not validate: 'inventories' is a required property");
        }
        Map<String, Inventory> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : given.properties()) {
            parsed.put(entry.getKey(), inventory(PlacementApi.object(entry.getValue())));
        }
        return view(inventories.replace(uuid, PlacementApi.integer(body, "resource_provider_generation", true), parsed));
    }

    @PostMapping("/resource_providers/{uuid}/inventories")
    ResponseEntity<Object> add(Caller caller, @PathVariable String uuid, @RequestBody JsonNode body) {
        PlacementApi.authorize(caller, "resource_providers:inventories:create");
        PlacementApi.object(body);
        String resourceClass = PlacementApi.string(body, "resource_class", true);
        InventorySet set = inventories.add(uuid, PlacementApi.integer(body, "resource_provider_generation", true),
                resourceClass, inventory(body));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/resource_providers/" + uuid + "/inventories/" + resourceClass)
                .body(one(set.generation(), set.inventories().get(resourceClass)));
    }

    @DeleteMapping("/resource_providers/{uuid}/inventories")
    ResponseEntity<Void> deleteAll(Caller caller, @PathVariable String uuid) {
        PlacementApi.authorize(caller, "resource_providers:inventories:delete");
        inventories.deleteAll(uuid);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/resource_providers/{uuid}/inventories/{resourceClass}")
    Map<String, Object> show(Caller caller, @PathVariable String uuid, @PathVariable String resourceClass) {
        PlacementApi.authorize(caller, "resource_providers:inventories:show");
        return one(inventories.get(uuid).generation(), inventories.getOne(uuid, resourceClass));
    }

    @PutMapping("/resource_providers/{uuid}/inventories/{resourceClass}")
    Map<String, Object> update(Caller caller, @PathVariable String uuid, @PathVariable String resourceClass,
            @RequestBody JsonNode body) {
        PlacementApi.authorize(caller, "resource_providers:inventories:update");
        PlacementApi.object(body);
        InventorySet set = inventories.updateOne(uuid, PlacementApi.integer(body, "resource_provider_generation", true),
                resourceClass, inventory(body));
        return one(set.generation(), set.inventories().get(resourceClass));
    }

    @DeleteMapping("/resource_providers/{uuid}/inventories/{resourceClass}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String uuid, @PathVariable String resourceClass) {
        PlacementApi.authorize(caller, "resource_providers:inventories:delete");
        inventories.deleteOne(uuid, resourceClass);
        return ResponseEntity.noContent().build();
    }

    private static Inventory inventory(JsonNode body) {
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw PlacementException.badRequest("JSON does not validate: Additional properties are not allowed ('"
                        + field + "' was unexpected)");
            }
        }
        return Inventory.withDefaults(PlacementApi.integer(body, "total", true),
                PlacementApi.integer(body, "reserved", false), PlacementApi.integer(body, "min_unit", false),
                PlacementApi.integer(body, "max_unit", false), PlacementApi.integer(body, "step_size", false),
                PlacementApi.number(body, "allocation_ratio"));
    }

    private static Map<String, Object> view(InventorySet set) {
        Map<String, Object> all = new LinkedHashMap<>();
        set.inventories().forEach((rc, inv) -> all.put(rc, fields(inv)));
        return PlacementApi.map("inventories", all, "resource_provider_generation", set.generation());
    }

    private static Map<String, Object> one(int generation, Inventory inventory) {
        Map<String, Object> view = fields(inventory);
        view.put("resource_provider_generation", generation);
        return view;
    }

    private static Map<String, Object> fields(Inventory inv) {
        return PlacementApi.map("allocation_ratio", inv.allocationRatio(), "max_unit", inv.maxUnit(), "min_unit",
                inv.minUnit(), "reserved", inv.reserved(), "step_size", inv.stepSize(), "total", inv.total());
    }
}
