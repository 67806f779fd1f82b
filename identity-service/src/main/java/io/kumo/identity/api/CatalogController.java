package io.kumo.identity.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.identity.application.CatalogAdminService;
import io.kumo.identity.application.RegionService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Regions, services and endpoints: the catalog's building blocks, managed by admins. */
@RestController
class CatalogController {

    private final RegionService regions;
    private final CatalogAdminService catalog;
    private final Views views;

    CatalogController(RegionService regions, CatalogAdminService catalog, Views views) {
        this.regions = regions;
        this.catalog = catalog;
        this.views = views;
    }

    @GetMapping("/v3/regions")
    Map<String, Object> listRegions(Caller caller, @RequestParam(name = "parent_region_id", required = false) String parent,
            HttpServletRequest request) {
        return views.collection("regions", regions.list(parent).stream().map(r -> views.region(r, request)).toList(),
                request);
    }

    @GetMapping("/v3/regions/{id}")
    Map<String, Object> getRegion(Caller caller, @PathVariable String id, HttpServletRequest request) {
        return Map.of("region", views.region(regions.get(id), request));
    }

    @PostMapping("/v3/regions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createRegion(Caller caller, @Valid @RequestBody RegionBody body, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:create_region");
        RegionFields r = body.region();
        return Map.of("region", views.region(regions.create(r.id(), r.description(), r.parentRegionId()), request));
    }

    @PatchMapping("/v3/regions/{id}")
    Map<String, Object> updateRegion(Caller caller, @PathVariable String id, @Valid @RequestBody RegionBody body,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:update_region");
        RegionFields r = body.region();
        return Map.of("region", views.region(regions.update(id, r.description(), r.parentRegionId()), request));
    }

    @DeleteMapping("/v3/regions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRegion(Caller caller, @PathVariable String id) {
        Policy.requireAdmin(caller, "identity:delete_region");
        regions.delete(id);
    }

    @GetMapping("/v3/services")
    Map<String, Object> listServices(Caller caller, @RequestParam(required = false) String type,
            @RequestParam(required = false) String name, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:list_services");
        return views.collection("services",
                catalog.listServices(type, name).stream().map(s -> views.service(s, request)).toList(), request);
    }

    @GetMapping("/v3/services/{id}")
    Map<String, Object> getService(Caller caller, @PathVariable String id, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:get_service");
        return Map.of("service", views.service(catalog.getService(id), request));
    }

    @PostMapping("/v3/services")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createService(Caller caller, @Valid @RequestBody ServiceBody body, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:create_service");
        ServiceFields s = body.service();
        return Map.of("service", views.service(catalog.createService(s.type(), s.name(), s.description(), s.enabled()),
                request));
    }

    @PatchMapping("/v3/services/{id}")
    Map<String, Object> updateService(Caller caller, @PathVariable String id, @Valid @RequestBody ServiceBody body,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:update_service");
        ServiceFields s = body.service();
        return Map.of("service", views.service(catalog.updateService(id, s.type(), s.name(), s.description(),
                s.enabled()), request));
    }

    @DeleteMapping("/v3/services/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteService(Caller caller, @PathVariable String id) {
        Policy.requireAdmin(caller, "identity:delete_service");
        catalog.deleteService(id);
    }

    @GetMapping("/v3/endpoints")
    Map<String, Object> listEndpoints(Caller caller, @RequestParam(name = "service_id", required = false) String serviceId,
            @RequestParam(name = "interface", required = false) String iface,
            @RequestParam(name = "region_id", required = false) String regionId, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:list_endpoints");
        return views.collection("endpoints", catalog.listEndpoints(serviceId, iface, regionId).stream()
                .map(e -> views.endpoint(e, request)).toList(), request);
    }

    @GetMapping("/v3/endpoints/{id}")
    Map<String, Object> getEndpoint(Caller caller, @PathVariable String id, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:get_endpoint");
        return Map.of("endpoint", views.endpoint(catalog.getEndpoint(id), request));
    }

    @PostMapping("/v3/endpoints")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createEndpoint(Caller caller, @Valid @RequestBody EndpointBody body, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:create_endpoint");
        EndpointFields e = body.endpoint();
        return Map.of("endpoint", views.endpoint(catalog.createEndpoint(e.serviceId(), e.iface(), e.region(), e.url(),
                e.enabled()), request));
    }

    @PatchMapping("/v3/endpoints/{id}")
    Map<String, Object> updateEndpoint(Caller caller, @PathVariable String id, @Valid @RequestBody EndpointBody body,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:update_endpoint");
        EndpointFields e = body.endpoint();
        return Map.of("endpoint", views.endpoint(catalog.updateEndpoint(id, e.serviceId(), e.iface(), e.region(),
                e.url(), e.enabled()), request));
    }

    @DeleteMapping("/v3/endpoints/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteEndpoint(Caller caller, @PathVariable String id) {
        Policy.requireAdmin(caller, "identity:delete_endpoint");
        catalog.deleteEndpoint(id);
    }

    record RegionBody(@NotNull @Valid RegionFields region) {
    }

    record RegionFields(String id, String description, @JsonProperty("parent_region_id") String parentRegionId) {
    }

    record ServiceBody(@NotNull @Valid ServiceFields service) {
    }

    record ServiceFields(String type, String name, String description, Boolean enabled) {
    }

    record EndpointBody(@NotNull @Valid EndpointFields endpoint) {
    }

    /** Clients send the region as {@code region_id} (current) or {@code region} (older keystoneclient). */
    record EndpointFields(@JsonProperty("service_id") String serviceId, @JsonProperty("interface") String iface,
            @JsonProperty("region_id") String regionId, @JsonProperty("region") String legacyRegion, String url,
            Boolean enabled) {

        String region() {
            return regionId != null ? regionId : legacyRegion;
        }
    }
}
