package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.Ids;
import io.kumo.identity.persistence.CatalogService;
import io.kumo.identity.persistence.CatalogServiceRepository;
import io.kumo.identity.persistence.Endpoint;
import io.kumo.identity.persistence.EndpointRepository;
import io.kumo.identity.persistence.RegionRepository;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Services and endpoints of the catalog. Every change refreshes the catalog tokens carry. */
@Service
public class CatalogAdminService {

    private static final Set<String> INTERFACES = Set.of("public", "internal", "admin");

    private final CatalogServiceRepository services;
    private final EndpointRepository endpoints;
    private final RegionRepository regions;
    private final ServiceCatalog catalog;

    CatalogAdminService(CatalogServiceRepository services, EndpointRepository endpoints, RegionRepository regions,
            ServiceCatalog catalog) {
        this.services = services;
        this.endpoints = endpoints;
        this.regions = regions;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    public List<CatalogService> listServices(String type, String name) {
        return services.findAll().stream()
                .filter(s -> type == null || s.type().equals(type))
                .filter(s -> name == null || name.equals(s.name()))
                .toList();
    }

    @Transactional(readOnly = true)
    public CatalogService getService(String id) {
        return services.findById(id).orElseThrow(() -> ApiException.notFound("service", id));
    }

    @Transactional
    public CatalogService createService(String type, String name, String description, Boolean enabled) {
        if (type == null || type.isBlank()) {
            throw ApiException.badRequest("Invalid input for field 'type': a service needs a type such as 'compute'.");
        }
        CatalogService service = services.save(new CatalogService(Ids.newId(), type, name, description,
                enabled == null || enabled));
        AfterCommit.run(catalog::invalidate);
        return service;
    }

    @Transactional
    public CatalogService updateService(String id, String type, String name, String description, Boolean enabled) {
        CatalogService service = getService(id);
        service.update(type, name, description, enabled);
        AfterCommit.run(catalog::invalidate);
        return service;
    }

    @Transactional
    public void deleteService(String id) {
        services.delete(getService(id));
        AfterCommit.run(catalog::invalidate);
    }

    @Transactional(readOnly = true)
    public List<Endpoint> listEndpoints(String serviceId, String iface, String regionId) {
        return endpoints.findAll().stream()
                .filter(e -> serviceId == null || e.serviceId().equals(serviceId))
                .filter(e -> iface == null || e.iface().equals(iface))
                .filter(e -> regionId == null || regionId.equals(e.regionId()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Endpoint getEndpoint(String id) {
        return endpoints.findById(id).orElseThrow(() -> ApiException.notFound("endpoint", id));
    }

    @Transactional
    public Endpoint createEndpoint(String serviceId, String iface, String regionId, String url, Boolean enabled) {
        validateEndpoint(serviceId, iface, regionId, url);
        Endpoint endpoint = endpoints.save(new Endpoint(Ids.newId(), serviceId, iface, regionId, url,
                enabled == null || enabled));
        AfterCommit.run(catalog::invalidate);
        return endpoint;
    }

    @Transactional
    public Endpoint updateEndpoint(String id, String serviceId, String iface, String regionId, String url,
            Boolean enabled) {
        Endpoint endpoint = getEndpoint(id);
        if (serviceId != null) {
            getService(serviceId);
        }
        if (iface != null && !INTERFACES.contains(iface)) {
            throw ApiException.badRequest("Invalid input for field 'interface': must be public, internal or admin.");
        }
        if (regionId != null && !regions.existsById(regionId)) {
            throw ApiException.badRequest("Region " + regionId + " does not exist.");
        }
        endpoint.update(serviceId, iface, regionId, url, enabled);
        AfterCommit.run(catalog::invalidate);
        return endpoint;
    }

    @Transactional
    public void deleteEndpoint(String id) {
        endpoints.delete(getEndpoint(id));
        AfterCommit.run(catalog::invalidate);
    }

    private void validateEndpoint(String serviceId, String iface, String regionId, String url) {
        if (serviceId == null) {
            throw ApiException.badRequest("Invalid input for field 'service_id': it is required.");
        }
        if (!services.existsById(serviceId)) {
            throw ApiException.badRequest("Service " + serviceId + " does not exist.");
        }
        if (iface == null || !INTERFACES.contains(iface)) {
            throw ApiException.badRequest("Invalid input for field 'interface': must be public, internal or admin.");
        }
        if (regionId != null && !regions.existsById(regionId)) {
            throw ApiException.badRequest("Region " + regionId + " does not exist.");
        }
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw ApiException.badRequest("Invalid input for field 'url': an http or https URL is required.");
        }
    }
}
