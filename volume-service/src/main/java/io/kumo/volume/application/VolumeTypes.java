package io.kumo.volume.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.volume.domain.VolumeType;
import io.kumo.volume.persistence.VolumeRecords;
import io.kumo.volume.persistence.VolumeTypeRecords;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volume types: everyone reads the public ones, admins make, change and delete them. The default type
 * (Cinder's {@code __DEFAULT__}) exists from the first start and cannot be deleted.
 */
@Service
public class VolumeTypes {

    private final VolumeTypeRecords types;
    private final VolumeRecords volumes;
    private final VolumeSettings settings;
    private final Clock clock;

    VolumeTypes(VolumeTypeRecords types, VolumeRecords volumes, VolumeSettings settings, Clock clock) {
        this.types = types;
        this.volumes = volumes;
        this.settings = settings;
        this.clock = clock;
    }

    /** Makes the default type when it is missing (first start). */
    @Transactional
    public void ensureDefault() {
        if (types.findByName(settings.defaultType()).isEmpty()) {
            try {
                types.insert(new VolumeType(UUID.randomUUID().toString(), settings.defaultType(),
                        "Default Volume Type", true, Map.of(), clock.instant()));
            } catch (DuplicateKeyException e) {
                // another instance made it first
            }
        }
    }

    public VolumeType defaultType() {
        return types.findByName(settings.defaultType())
                .orElseThrow(() -> ApiException.notFound("Default volume type can not be found."));
    }

    /** The types the caller may see: all for admins, the public ones for everyone else. */
    public List<VolumeType> list(Caller caller, Boolean isPublic) {
        boolean admin = Policy.isAdmin(caller);
        return types.list().stream().filter(t -> admin || t.isPublic())
                .filter(t -> isPublic == null || t.isPublic() == isPublic).toList();
    }

    /** Every type, whoever asks (for showing volumes' type names). */
    public List<VolumeType> all() {
        return types.list();
    }

    /** A type by id or name, as the caller may see it; 404 otherwise. */
    public VolumeType find(Caller caller, String idOrName) {
        VolumeType type = types.find(idOrName).or(() -> types.findByName(idOrName)).orElse(null);
        if (type == null || (!type.isPublic() && !Policy.isAdmin(caller))) {
            throw ApiException.notFound("Volume type with name " + idOrName + " could not be found.");
        }
        return type;
    }

    /** By id only, whoever asks (for showing a volume's type). */
    public VolumeType byId(String id) {
        return types.find(id).orElseThrow(() -> ApiException.notFound("Volume type " + id + " could not be found."));
    }

    @Transactional
    public VolumeType create(Caller caller, String name, String description, boolean isPublic,
            Map<String, String> extraSpecs) {
        Policy.requireAdmin(caller, "volume_extension:types_manage");
        requireName(name);
        VolumeType type = new VolumeType(UUID.randomUUID().toString(), name.trim(), description, isPublic, extraSpecs,
                clock.instant());
        if (types.findByName(type.name()).isPresent()) {
            throw ApiException.conflict("Volume Type " + type.name() + " already exists.");
        }
        try {
            types.insert(type);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("Volume Type " + type.name() + " already exists.");
        }
        return type;
    }

    @Transactional
    public VolumeType update(Caller caller, String id, String name, String description, Boolean isPublic) {
        Policy.requireAdmin(caller, "volume_extension:types_manage");
        VolumeType type = byId(id);
        if (name != null) {
            requireName(name);
            if (type.name().equals(settings.defaultType()) && !name.trim().equals(type.name())) {
                throw ApiException.badRequest("The default volume type cannot be renamed.");
            }
            types.findByName(name.trim()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
                throw ApiException.conflict("Volume Type " + name.trim() + " already exists.");
            });
        }
        VolumeType updated = new VolumeType(id, name == null ? type.name() : name.trim(),
                description == null ? type.description() : description, isPublic == null ? type.isPublic() : isPublic,
                type.extraSpecs(), type.createdAt());
        types.update(updated);
        return updated;
    }

    @Transactional
    public VolumeType setExtraSpecs(Caller caller, String id, Map<String, String> specs, boolean replace) {
        Policy.requireAdmin(caller, "volume_extension:types_extra_specs");
        VolumeType type = byId(id);
        Map<String, String> merged = new LinkedHashMap<>(replace ? Map.of() : type.extraSpecs());
        merged.putAll(specs);
        VolumeType updated = new VolumeType(id, type.name(), type.description(), type.isPublic(), merged,
                type.createdAt());
        types.update(updated);
        return updated;
    }

    @Transactional
    public void deleteExtraSpec(Caller caller, String id, String key) {
        Policy.requireAdmin(caller, "volume_extension:types_extra_specs");
        VolumeType type = byId(id);
        if (!type.extraSpecs().containsKey(key)) {
            throw ApiException.notFound("Volume Type " + id + " has no extra specs with key " + key + ".");
        }
        Map<String, String> rest = new LinkedHashMap<>(type.extraSpecs());
        rest.remove(key);
        types.update(new VolumeType(id, type.name(), type.description(), type.isPublic(), rest, type.createdAt()));
    }

    @Transactional
    public void delete(Caller caller, String id) {
        Policy.requireAdmin(caller, "volume_extension:types_manage");
        VolumeType type = byId(id);
        if (type.name().equals(settings.defaultType())) {
            throw ApiException.badRequest("Default volume type can not be deleted.");
        }
        if (volumes.typeInUse(id)) {
            throw ApiException.badRequest("Target volume type is still in use.");
        }
        types.delete(id);
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > 255) {
            throw ApiException.badRequest("Invalid input for field/attribute name: a volume type's name is 1 to 255"
                    + " characters.");
        }
    }
}
