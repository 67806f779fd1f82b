package io.kumo.scheduler.api;

import io.kumo.common.auth.Caller;
import io.kumo.scheduler.application.ResourceProviders;
import io.kumo.scheduler.domain.PlacementException;
import io.kumo.scheduler.domain.ResourceRequest;
import io.kumo.scheduler.persistence.ProviderRecords.ProviderRow;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** /resource_providers in Placement's shapes. */
@RestController
class ResourceProviderController {

    private final ResourceProviders providers;

    ResourceProviderController(ResourceProviders providers) {
        this.providers = providers;
    }

    @GetMapping("/resource_providers")
    Map<String, Object> list(Caller caller, HttpServletRequest http, @RequestParam(required = false) String name,
            @RequestParam(required = false) String uuid, @RequestParam(required = false) String resources,
            @RequestParam(required = false) List<String> required,
            @RequestParam(name = "member_of", required = false) List<String> memberOf,
            @RequestParam(name = "in_tree", required = false) String inTree) {
        PlacementApi.authorize(caller, "resource_providers:list");
        Set<String> must = null;
        Set<String> mustNot = null;
        if (required != null) {
            ResourceRequest traits = ResourceRequest.ofTraits(required);
            must = traits.required();
            mustNot = traits.forbidden();
        }
        Map<String, Integer> amounts = resources == null ? null
                : ResourceRequest.parseResources(resources);
        ResourceProviders.Query query = new ResourceProviders.Query(name, uuid, amounts, must, mustNot,
                memberOf == null ? null : ResourceRequest.parseMemberOf(memberOf), inTree);
        List<Map<String, Object>> views = new ArrayList<>();
        for (ProviderRow row : providers.list(query)) {
            views.add(view(row, http));
        }
        return Map.of("resource_providers", views);
    }

    @PostMapping("/resource_providers")
    ResponseEntity<Object> create(Caller caller, HttpServletRequest http, @RequestBody JsonNode body) {
        PlacementApi.authorize(caller, "resource_providers:create");
        PlacementApi.object(body);
        ProviderRow row = providers.create(PlacementApi.string(body, "name", true),
                PlacementApi.string(body, "uuid", false), PlacementApi.string(body, "parent_provider_uuid", false));
        ResponseEntity.BodyBuilder created = ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/resource_providers/" + row.uuid());
        return PlacementApi.atLeast(http, 20) ? created.body(view(row, http)) : created.build();
    }

    @GetMapping("/resource_providers/{uuid}")
    Map<String, Object> show(Caller caller, HttpServletRequest http, @PathVariable String uuid) {
        PlacementApi.authorize(caller, "resource_providers:show");
        return view(providers.show(uuid), http);
    }

    @PutMapping("/resource_providers/{uuid}")
    Map<String, Object> update(Caller caller, HttpServletRequest http, @PathVariable String uuid,
            @RequestBody JsonNode body) {
        PlacementApi.authorize(caller, "resource_providers:update");
        PlacementApi.object(body);
        for (String field : body.propertyNames()) {
            if (!field.equals("name") && !field.equals("parent_provider_uuid")) {
                throw PlacementException.badRequest("JSON does not validate: Additional properties are not allowed ('"
                        + field + "' was unexpected)");
            }
        }
        ProviderRow current = providers.show(uuid);
        String parent = body.has("parent_provider_uuid") ? PlacementApi.string(body, "parent_provider_uuid", false)
                : current.parentUuid();
        return view(providers.update(uuid, PlacementApi.string(body, "name", true), parent), http);
    }

    @DeleteMapping("/resource_providers/{uuid}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String uuid) {
        PlacementApi.authorize(caller, "resource_providers:delete");
        providers.delete(uuid);
        return ResponseEntity.noContent().build();
    }

    /** A provider as the negotiated microversion shows it (parents from 1.14, allocation links from 1.11). */
    static Map<String, Object> view(ProviderRow row, HttpServletRequest http) {
        String self = "/resource_providers/" + row.uuid();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("generation", row.generation());
        view.put("uuid", row.uuid());
        view.put("name", row.name());
        if (PlacementApi.atLeast(http, 14)) {
            view.put("parent_provider_uuid", row.parentUuid());
            view.put("root_provider_uuid", row.rootUuid());
        }
        List<Object> links = new ArrayList<>(List.of(PlacementApi.link("self", self),
                PlacementApi.link("inventories", self + "/inventories"), PlacementApi.link("usages", self + "/usages")));
        if (PlacementApi.atLeast(http, 1)) {
            links.add(PlacementApi.link("aggregates", self + "/aggregates"));
        }
        if (PlacementApi.atLeast(http, 6)) {
            links.add(PlacementApi.link("traits", self + "/traits"));
        }
        if (PlacementApi.atLeast(http, 11)) {
            links.add(PlacementApi.link("allocations", self + "/allocations"));
        }
        view.put("links", links);
        return view;
    }
}
