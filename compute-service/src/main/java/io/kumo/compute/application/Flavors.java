package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.compute.domain.Flavor;
import io.kumo.compute.domain.FlavorInput;
import io.kumo.compute.persistence.FlavorRecords;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flavors: everyone reads the public ones and the private ones shared with their project; admins
 * create, delete, share and set extra specs. A flavor's sizes never change once created (servers
 * keep a copy of the flavor they were built with), as in Nova.
 */
@Service
public class Flavors {

    private final FlavorRecords records;
    private final Clock clock;

    Flavors(FlavorRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** What {@code is_public} asks for: public only (the default), private only, or both (admins' "None"). */
    public enum Visibility {
        PUBLIC, PRIVATE, ALL
    }

    @Transactional(readOnly = true)
    public List<Flavor> list(Caller caller, Visibility visibility, Integer minRamMb, Integer minDiskGb) {
        boolean admin = Policy.isAdmin(caller);
        Set<String> shared = new HashSet<>(admin ? List.of() : records.sharedWith(caller.projectId()));
        return records.all().stream()
                .filter(f -> admin || f.isPublic() || shared.contains(f.id()))
                .filter(f -> switch (visibility) {
                    case PUBLIC -> f.isPublic() || !admin && shared.contains(f.id());
                    case PRIVATE -> !f.isPublic();
                    case ALL -> true;
                })
                .filter(f -> minRamMb == null || f.ramMb() >= minRamMb)
                .filter(f -> minDiskGb == null || f.rootGb() >= minDiskGb)
                .toList();
    }

    /** A flavor the caller may use; another project's private flavor is not found. */
    @Transactional(readOnly = true)
    public Flavor get(Caller caller, String id) {
        Flavor flavor = records.find(id).orElseThrow(() -> notFound(id));
        if (!flavor.isPublic() && !Policy.isAdmin(caller) && !Policy.isService(caller)
                && !records.projects(id).contains(caller.projectId())) {
            throw notFound(id);
        }
        return flavor;
    }

    @Transactional
    public Flavor create(Caller caller, Flavor requested) {
        Policy.requireAdmin(caller, "os_compute_api:os-flavor-manage:create");
        String id = requested.id() == null ? UUID.randomUUID().toString() : FlavorInput.id(requested.id());
        Flavor flavor = new Flavor(id, FlavorInput.name(requested.name()), FlavorInput.atLeast("vcpus",
                requested.vcpus(), 1), FlavorInput.atLeast("ram", requested.ramMb(), 1),
                FlavorInput.atLeast("disk", requested.rootGb(), 0),
                FlavorInput.atLeast("OS-FLV-EXT-DATA:ephemeral", requested.ephemeralGb(), 0),
                FlavorInput.atLeast("swap", requested.swapMb(), 0), FlavorInput.rxtxFactor(requested.rxtxFactor()),
                requested.isPublic(), false, Map.of());
        if (records.existsByName(flavor.name())) {
            throw ApiException.conflict("Flavor with name " + flavor.name() + " already exists.");
        }
        if (records.existsById(id)) {
            throw ApiException.conflict("Flavor with ID " + id + " already exists.");
        }
        records.insert(flavor, clock.instant());
        return flavor;
    }

    @Transactional
    public void delete(Caller caller, String id) {
        Policy.requireAdmin(caller, "os_compute_api:os-flavor-manage:delete");
        records.find(id).orElseThrow(() -> notFound(id));
        records.delete(id);
    }

    @Transactional(readOnly = true)
    public Map<String, String> extraSpecs(Caller caller, String id) {
        return get(caller, id).extraSpecs();
    }

    @Transactional(readOnly = true)
    public String extraSpec(Caller caller, String id, String key) {
        String value = get(caller, id).extraSpecs().get(key);
        if (value == null) {
            throw ApiException.notFound("Flavor " + id + " has no extra specs with key " + key + ".");
        }
        return value;
    }

    /** Adds or replaces the given specs (others stay), all or nothing. */
    @Transactional
    public Map<String, String> putExtraSpecs(Caller caller, String id, Map<String, String> specs) {
        Policy.requireAdmin(caller, "os_compute_api:os-flavor-extra-specs:create");
        records.find(id).orElseThrow(() -> notFound(id));
        specs.forEach(FlavorInput::extraSpec);
        specs.forEach((key, value) -> records.putExtraSpec(id, key, value));
        return new LinkedHashMap<>(specs);
    }

    @Transactional
    public void deleteExtraSpec(Caller caller, String id, String key) {
        Policy.requireAdmin(caller, "os_compute_api:os-flavor-extra-specs:delete");
        records.find(id).orElseThrow(() -> notFound(id));
        if (!records.deleteExtraSpec(id, key)) {
            throw ApiException.notFound("Flavor " + id + " has no extra specs with key " + key + ".");
        }
    }

    @Transactional(readOnly = true)
    public List<String> access(Caller caller, String id) {
        Policy.requireAdmin(caller, "os_compute_api:os-flavor-access");
        Flavor flavor = records.find(id).orElseThrow(() -> notFound(id));
        if (flavor.isPublic()) {
            throw ApiException.notFound("Access list not available for public flavors.");
        }
        return records.projects(id);
    }

    @Transactional
    public List<String> addAccess(Caller caller, String id, String projectId) {
        Policy.requireAdmin(caller, "os_compute_api:os-flavor-access:add_tenant_access");
        Flavor flavor = records.find(id).orElseThrow(() -> notFound(id));
        if (flavor.isPublic()) {
            throw ApiException.conflict("Can not add access to a public flavor.");
        }
        if (!records.addProject(id, projectId)) {
            throw ApiException.conflict("Flavor access already exists for flavor " + id + " and project "
                    + projectId + " combination.");
        }
        return records.projects(id);
    }

    @Transactional
    public List<String> removeAccess(Caller caller, String id, String projectId) {
        Policy.requireAdmin(caller, "os_compute_api:os-flavor-access:remove_tenant_access");
        records.find(id).orElseThrow(() -> notFound(id));
        if (!records.removeProject(id, projectId)) {
            throw ApiException.notFound("Flavor access not found for " + id + " / " + projectId + " combination.");
        }
        return records.projects(id);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("Flavor " + id + " could not be found.");
    }
}
