package io.kumo.identity.application;

import io.kumo.common.auth.TokenScope;
import io.kumo.identity.domain.EndpointUrl;
import io.kumo.identity.persistence.CatalogService;
import io.kumo.identity.persistence.CatalogServiceRepository;
import io.kumo.identity.persistence.Endpoint;
import io.kumo.identity.persistence.EndpointRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The catalog every scoped token carries. Read on nearly every authentication but changed rarely, so
 * it is cached; this replica's own changes invalidate it at once, other replicas' within the TTL.
 */
@Component
public class ServiceCatalog {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final CatalogServiceRepository services;
    private final EndpointRepository endpoints;
    private final ExpiringSnapshot<List<CatalogEntry>> snapshot = new ExpiringSnapshot<>(TTL, this::load);

    ServiceCatalog(CatalogServiceRepository services, EndpointRepository endpoints) {
        this.services = services;
        this.endpoints = endpoints;
    }

    public List<CatalogEntry> forScope(TokenScope scope, String projectId) {
        if (scope == TokenScope.UNSCOPED) {
            return List.of();
        }
        List<CatalogEntry> catalog = new ArrayList<>();
        for (CatalogEntry service : snapshot.get()) {
            List<CatalogEntry.CatalogEndpoint> usable = new ArrayList<>();
            for (CatalogEntry.CatalogEndpoint endpoint : service.endpoints()) {
                if (!EndpointUrl.needsProject(endpoint.url())) {
                    usable.add(endpoint);
                } else if (projectId != null) {
                    usable.add(new CatalogEntry.CatalogEndpoint(endpoint.id(), endpoint.iface(), endpoint.regionId(),
                            EndpointUrl.forProject(endpoint.url(), projectId)));
                }
            }
            if (!usable.isEmpty()) {
                catalog.add(new CatalogEntry(service.id(), service.type(), service.name(), usable));
            }
        }
        return catalog;
    }

    public void invalidate() {
        snapshot.invalidate();
    }

    private List<CatalogEntry> load() {
        Map<String, List<Endpoint>> byService = endpoints.findAll().stream()
                .filter(Endpoint::enabled)
                .collect(Collectors.groupingBy(Endpoint::serviceId));
        List<CatalogEntry> entries = new ArrayList<>();
        for (CatalogService service : services.findAll()) {
            if (!service.enabled()) {
                continue;
            }
            List<CatalogEntry.CatalogEndpoint> list = byService.getOrDefault(service.id(), List.of()).stream()
                    .map(e -> new CatalogEntry.CatalogEndpoint(e.id(), e.iface(), e.regionId(), e.url()))
                    .toList();
            entries.add(new CatalogEntry(service.id(), service.type(), service.name(), list));
        }
        return List.copyOf(entries);
    }
}
