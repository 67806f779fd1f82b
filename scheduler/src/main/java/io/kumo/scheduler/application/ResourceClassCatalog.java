package io.kumo.scheduler.application;

import io.kumo.scheduler.domain.PlacementException;
import io.kumo.scheduler.domain.ResourceClasses;
import io.kumo.scheduler.persistence.CustomNames;
import io.kumo.scheduler.persistence.ProviderRecords;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** /resource_classes: the standard classes and operators' CUSTOM_* ones. */
@Service
public class ResourceClassCatalog {

    private final CustomNames customNames;
    private final ProviderRecords providers;
    private final Clock clock;

    ResourceClassCatalog(CustomNames customNames, ProviderRecords providers, Clock clock) {
        this.customNames = customNames;
        this.providers = providers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<String> list() {
        List<String> all = new ArrayList<>(ResourceClasses.STANDARD);
        all.addAll(customNames.all(CustomNames.Kind.RESOURCE_CLASS));
        return all;
    }

    @Transactional(readOnly = true)
    public boolean exists(String name) {
        return ResourceClasses.isStandard(name) || customNames.exists(CustomNames.Kind.RESOURCE_CLASS, name);
    }

    /** @return true if created, false if it existed (PUT is idempotent since 1.7) */
    @Transactional
    public boolean create(String name) {
        if (ResourceClasses.isStandard(name)) {
            return false;
        }
        if (!ResourceClasses.isValidCustomName(name)) {
            throw PlacementException.badRequest("Failed validating 'pattern': the resource class name must start"
                    + " with CUSTOM_ and use only A-Z, 0-9 and _ (got " + name + ").");
        }
        return customNames.create(CustomNames.Kind.RESOURCE_CLASS, name, clock.instant());
    }

    @Transactional
    public void delete(String name) {
        if (ResourceClasses.isStandard(name)) {
            throw PlacementException.badRequest("Cannot delete standard resource class " + name + ".");
        }
        if (!customNames.exists(CustomNames.Kind.RESOURCE_CLASS, name)) {
            throw PlacementException.notFound("No such resource class " + name + ".");
        }
        if (providers.resourceClassInUse(name)) {
            throw PlacementException.conflict(PlacementException.UNDEFINED, "Unable to delete resource class " + name
                    + ". The resource class is in use in inventory.");
        }
        customNames.delete(CustomNames.Kind.RESOURCE_CLASS, name);
    }
}
