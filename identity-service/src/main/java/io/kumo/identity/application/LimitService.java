package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.Ids;
import io.kumo.identity.persistence.CatalogServiceRepository;
import io.kumo.identity.persistence.ProjectLimit;
import io.kumo.identity.persistence.ProjectLimitRepository;
import io.kumo.identity.persistence.RegionRepository;
import io.kumo.identity.persistence.RegisteredLimit;
import io.kumo.identity.persistence.RegisteredLimitRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unified limits, the one quota source of every Kumo service: registered (default) limits per
 * service and resource, and per-project overrides of them (Keystone's flat enforcement model).
 */
@Service
public class LimitService {

    private final RegisteredLimitRepository registered;
    private final ProjectLimitRepository limits;
    private final CatalogServiceRepository services;
    private final RegionRepository regions;
    private final Directory directory;

    LimitService(RegisteredLimitRepository registered, ProjectLimitRepository limits, CatalogServiceRepository services,
            RegionRepository regions, Directory directory) {
        this.registered = registered;
        this.limits = limits;
        this.services = services;
        this.regions = regions;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    public List<RegisteredLimit> listRegistered(String serviceId, String regionId, String resourceName) {
        return registered.findAll().stream()
                .filter(l -> serviceId == null || l.serviceId().equals(serviceId))
                .filter(l -> regionId == null || regionId.equals(l.regionId()))
                .filter(l -> resourceName == null || l.resourceName().equals(resourceName))
                .toList();
    }

    @Transactional(readOnly = true)
    public RegisteredLimit getRegistered(String id) {
        return registered.findById(id).orElseThrow(() -> ApiException.notFound("registered limit", id));
    }

    /** All or nothing: one bad entry rejects the whole batch. */
    @Transactional
    public List<RegisteredLimit> createRegistered(List<RegisteredDraft> drafts) {
        requireNonEmpty(drafts, "registered_limits");
        List<RegisteredLimit> created = new ArrayList<>();
        for (RegisteredDraft d : drafts) {
            requireServiceAndRegion(d.serviceId(), d.regionId());
            requireResource(d.resourceName(), d.defaultLimit(), "default_limit");
            String region = d.regionId() == null ? "" : d.regionId();
            if (registered.findByServiceIdAndRegionIdAndResourceName(d.serviceId(), region, d.resourceName()).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store registered_limit - Duplicate entry "
                        + "for resource " + d.resourceName() + " of service " + d.serviceId() + ".");
            }
            created.add(registered.save(new RegisteredLimit(Ids.newId(), d.serviceId(), d.regionId(), d.resourceName(),
                    d.defaultLimit(), d.description())));
        }
        return created;
    }

    @Transactional
    public RegisteredLimit updateRegistered(String id, Integer defaultLimit, String description) {
        if (defaultLimit != null && defaultLimit < -1) {
            throw ApiException.badRequest("Invalid input for field 'default_limit': -1 (unlimited) or more.");
        }
        RegisteredLimit limit = getRegistered(id);
        limit.update(defaultLimit, description);
        return limit;
    }

    @Transactional
    public void deleteRegistered(String id) {
        RegisteredLimit limit = getRegistered(id);
        String region = limit.regionId() == null ? "" : limit.regionId();
        boolean overridden = limits.findAll().stream().anyMatch(l -> l.serviceId().equals(limit.serviceId())
                && (l.regionId() == null ? "" : l.regionId()).equals(region)
                && l.resourceName().equals(limit.resourceName()));
        if (overridden) {
            throw ApiException.forbidden("Registered limit " + id + " is overridden by project limits; delete those "
                    + "first.");
        }
        registered.delete(limit);
    }

    @Transactional(readOnly = true)
    public List<ProjectLimit> listLimits(String projectId, String serviceId, String regionId, String resourceName) {
        return limits.findAll().stream()
                .filter(l -> projectId == null || l.projectId().equals(projectId))
                .filter(l -> serviceId == null || l.serviceId().equals(serviceId))
                .filter(l -> regionId == null || regionId.equals(l.regionId()))
                .filter(l -> resourceName == null || l.resourceName().equals(resourceName))
                .toList();
    }

    @Transactional(readOnly = true)
    public ProjectLimit getLimit(String id) {
        return limits.findById(id).orElseThrow(() -> ApiException.notFound("limit", id));
    }

    @Transactional
    public List<ProjectLimit> createLimits(List<LimitDraft> drafts) {
        requireNonEmpty(drafts, "limits");
        List<ProjectLimit> created = new ArrayList<>();
        for (LimitDraft d : drafts) {
            if (d.projectId() == null) {
                throw ApiException.badRequest("Invalid input for field 'project_id': it is required.");
            }
            directory.requireProject(d.projectId());
            requireServiceAndRegion(d.serviceId(), d.regionId());
            requireResource(d.resourceName(), d.resourceLimit(), "resource_limit");
            String region = d.regionId() == null ? "" : d.regionId();
            if (registered.findByServiceIdAndRegionIdAndResourceName(d.serviceId(), region, d.resourceName()).isEmpty()) {
                throw ApiException.forbidden("There is no registered limit for resource " + d.resourceName()
                        + " of service " + d.serviceId() + "; register one first.");
            }
            if (limits.findByProjectIdAndServiceIdAndRegionIdAndResourceName(d.projectId(), d.serviceId(), region,
                    d.resourceName()).isPresent()) {
                throw ApiException.conflict("Conflict occurred attempting to store limit - Duplicate entry for "
                        + "resource " + d.resourceName() + " of project " + d.projectId() + ".");
            }
            created.add(limits.save(new ProjectLimit(Ids.newId(), d.projectId(), d.serviceId(), d.regionId(),
                    d.resourceName(), d.resourceLimit(), d.description())));
        }
        return created;
    }

    @Transactional
    public ProjectLimit updateLimit(String id, Integer resourceLimit, String description) {
        if (resourceLimit != null && resourceLimit < -1) {
            throw ApiException.badRequest("Invalid input for field 'resource_limit': -1 (unlimited) or more.");
        }
        ProjectLimit limit = getLimit(id);
        limit.update(resourceLimit, description);
        return limit;
    }

    @Transactional
    public void deleteLimit(String id) {
        limits.delete(getLimit(id));
    }

    private void requireServiceAndRegion(String serviceId, String regionId) {
        if (serviceId == null || !services.existsById(serviceId)) {
            throw ApiException.badRequest("Invalid input for field 'service_id': service " + serviceId
                    + " does not exist.");
        }
        if (regionId != null && !regions.existsById(regionId)) {
            throw ApiException.badRequest("Invalid input for field 'region_id': region " + regionId + " does not exist.");
        }
    }

    private static void requireResource(String resourceName, Integer value, String field) {
        if (resourceName == null || resourceName.isBlank() || resourceName.length() > 255) {
            throw ApiException.badRequest("Invalid input for field 'resource_name': 1 to 255 characters.");
        }
        if (value == null || value < -1) {
            throw ApiException.badRequest("Invalid input for field '" + field + "': -1 (unlimited) or more.");
        }
    }

    private static void requireNonEmpty(List<?> drafts, String field) {
        if (drafts == null || drafts.isEmpty()) {
            throw ApiException.badRequest("Invalid input for field '" + field + "': at least one entry is required.");
        }
    }

    public record RegisteredDraft(String serviceId, String regionId, String resourceName, Integer defaultLimit,
            String description) {
    }

    public record LimitDraft(String projectId, String serviceId, String regionId, String resourceName,
            Integer resourceLimit, String description) {
    }
}
