package io.kumo.scheduler.api;

import io.kumo.common.auth.Caller;
import io.kumo.scheduler.application.TraitCatalog;
import io.kumo.scheduler.application.TraitCatalog.ProviderTraits;
import io.kumo.scheduler.domain.PlacementException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** /traits and /resource_providers/{uuid}/traits. */
@RestController
class TraitController {

    private final TraitCatalog traits;

    TraitController(TraitCatalog traits) {
        this.traits = traits;
    }

    @GetMapping("/traits")
    Map<String, Object> list(Caller caller, @RequestParam(required = false) String name,
            @RequestParam(required = false) String associated) {
        PlacementApi.authorize(caller, "traits:list");
        Boolean onlyAssociated = null;
        if (associated != null) {
            if (!associated.equals("true") && !associated.equals("false")) {
                throw PlacementException.badRequest("Invalid query string parameters: 'associated' must be true or"
                        + " false, got '" + associated + "'.");
            }
            onlyAssociated = Boolean.valueOf(associated);
        }
        return Map.of("traits", traits.list(name, onlyAssociated));
    }

    @GetMapping("/traits/{name}")
    ResponseEntity<Void> show(Caller caller, @PathVariable String name) {
        PlacementApi.authorize(caller, "traits:show");
        if (!traits.exists(name)) {
            throw PlacementException.notFound("No such trait(s): " + name + ".");
        }
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/traits/{name}")
    ResponseEntity<Void> create(Caller caller, @PathVariable String name) {
        PlacementApi.authorize(caller, "traits:update");
        return PlacementApi.createdOrFound(traits.create(name), "/traits/" + name);
    }

    @DeleteMapping("/traits/{name}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String name) {
        PlacementApi.authorize(caller, "traits:delete");
        traits.delete(name);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/resource_providers/{uuid}/traits")
    Map<String, Object> ofProvider(Caller caller, @PathVariable String uuid) {
        PlacementApi.authorize(caller, "resource_providers:traits:list");
        return view(traits.ofProvider(uuid));
    }

    @PutMapping("/resource_providers/{uuid}/traits")
    Map<String, Object> replace(Caller caller, @PathVariable String uuid, @RequestBody JsonNode body) {
        PlacementApi.authorize(caller, "resource_providers:traits:update");
        PlacementApi.object(body);
        return view(traits.replace(uuid, PlacementApi.integer(body, "resource_provider_generation", true),
                PlacementApi.strings(body.get("traits"), "traits")));
    }

    @DeleteMapping("/resource_providers/{uuid}/traits")
    ResponseEntity<Void> clear(Caller caller, @PathVariable String uuid) {
        PlacementApi.authorize(caller, "resource_providers:traits:delete");
        traits.clear(uuid);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> view(ProviderTraits provider) {
        return PlacementApi.map("traits", provider.traits(), "resource_provider_generation", provider.generation());
    }
}
