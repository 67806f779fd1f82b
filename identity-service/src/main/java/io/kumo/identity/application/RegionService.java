package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.Ids;
import io.kumo.identity.persistence.EndpointRepository;
import io.kumo.identity.persistence.Region;
import io.kumo.identity.persistence.RegionRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RegionService {

    private final RegionRepository regions;
    private final EndpointRepository endpoints;

    RegionService(RegionRepository regions, EndpointRepository endpoints) {
        this.regions = regions;
        this.endpoints = endpoints;
    }

    @Transactional(readOnly = true)
    public List<Region> list(String parentRegionId) {
        return regions.findAll().stream()
                .filter(r -> parentRegionId == null || parentRegionId.equals(r.parentRegionId()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Region get(String id) {
        return regions.findById(id).orElseThrow(() -> ApiException.notFound("region", id));
    }

    @Transactional
    public Region create(String id, String description, String parentRegionId) {
        String regionId = id == null || id.isBlank() ? Ids.newId() : id;
        if (regions.existsById(regionId)) {
            throw ApiException.conflict("Conflict occurred attempting to store region - Duplicate ID, " + regionId + ".");
        }
        if (parentRegionId != null) {
            get(parentRegionId);
        }
        return regions.save(new Region(regionId, description, parentRegionId));
    }

    @Transactional
    public Region update(String id, String description, String parentRegionId) {
        Region region = get(id);
        if (parentRegionId != null) {
            if (parentRegionId.equals(id)) {
                throw ApiException.badRequest("A region cannot be its own parent.");
            }
            get(parentRegionId);
        }
        region.update(description, parentRegionId);
        return region;
    }

    @Transactional
    public void delete(String id) {
        Region region = get(id);
        if (endpoints.existsByRegionId(id)) {
            throw ApiException.conflict("Region " + id + " still has endpoints; delete them first.");
        }
        regions.delete(region);
    }
}
