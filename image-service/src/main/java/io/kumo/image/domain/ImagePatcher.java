package io.kumo.image.domain;

import io.kumo.common.error.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies a JSON-patch to an image's attributes with Glance's semantics: {@code add} and
 * {@code replace} set a base attribute alike; on extra properties {@code add} refuses one that exists
 * and {@code replace}/{@code remove} refuse one that does not (409); base attributes cannot be removed
 * (403); the formats are fixed once data arrived (403). Nothing is changed unless every operation is
 * valid.
 */
public final class ImagePatcher {

    private ImagePatcher() {
    }

    public static ImageAttributes apply(ImageAttributes current, ImageStatus status, List<PatchOperation> operations) {
        Draft draft = new Draft(current);
        for (PatchOperation operation : operations) {
            String path = operation.path();
            if (path.isEmpty() || path.contains("/")) {
                throw ApiException.badRequest("Invalid JSON pointer for this resource: '/" + path + "'.");
            }
            ImageRules.requireSettable(path);
            switch (operation.op()) {
                case "add", "replace" -> set(draft, operation, status);
                case "remove" -> remove(draft, path);
                default -> throw ApiException.badRequest("Unsupported JSON-patch operation '" + operation.op()
                        + "': use add, replace or remove.");
            }
        }
        if (draft.properties.size() > ImageRules.MAX_PROPERTIES) {
            throw ApiException.badRequest("Maximum number of image properties exceeded: at most "
                    + ImageRules.MAX_PROPERTIES + ".");
        }
        return draft.toAttributes();
    }

    private static void set(Draft draft, PatchOperation operation, ImageStatus status) {
        String path = operation.path();
        Object value = operation.value();
        switch (path) {
            case "name" -> draft.name = ImageRules.name(value);
            case "visibility" -> draft.visibility = ImageRules.visibility(value);
            case "protected" -> draft.protectedFromDeletion = ImageRules.bool(path, value);
            case "os_hidden" -> draft.osHidden = ImageRules.bool(path, value);
            case "min_ram" -> draft.minRam = ImageRules.nonNegative(path, value);
            case "min_disk" -> draft.minDisk = ImageRules.nonNegative(path, value);
            case "tags" -> draft.tags = new TreeSet<>(ImageRules.tags(value));
            case "disk_format" -> draft.diskFormat = formatWhileQueued(path, ImageRules.diskFormat(value), status);
            case "container_format" ->
                    draft.containerFormat = formatWhileQueued(path, ImageRules.containerFormat(value), status);
            default -> setProperty(draft, operation);
        }
    }

    private static void setProperty(Draft draft, PatchOperation operation) {
        String name = ImageRules.propertyName(operation.path());
        boolean exists = draft.properties.containsKey(name);
        if (operation.op().equals("add") && exists) {
            throw ApiException.conflict("Property " + name + " already present.");
        }
        if (operation.op().equals("replace") && !exists) {
            throw ApiException.conflict("Property " + name + " does not exist.");
        }
        draft.properties.put(name, ImageRules.propertyValue(name, operation.value()));
    }

    private static void remove(Draft draft, String path) {
        if (ImageRules.BASE.contains(path)) {
            throw ApiException.forbidden("Property " + path + " may not be removed.");
        }
        if (draft.properties.remove(path) == null) {
            throw ApiException.conflict("Property " + path + " does not exist.");
        }
    }

    private static String formatWhileQueued(String attribute, String value, ImageStatus status) {
        if (status != ImageStatus.QUEUED) {
            throw ApiException.forbidden("Attribute " + attribute + " can be only replaced for a queued image.");
        }
        return value;
    }

    /** The attributes being changed. */
    private static final class Draft {
        String name;
        Visibility visibility;
        boolean protectedFromDeletion;
        boolean osHidden;
        String diskFormat;
        String containerFormat;
        int minRam;
        int minDisk;
        Map<String, String> properties;
        TreeSet<String> tags;

        Draft(ImageAttributes a) {
            name = a.name();
            visibility = a.visibility();
            protectedFromDeletion = a.protectedFromDeletion();
            osHidden = a.osHidden();
            diskFormat = a.diskFormat();
            containerFormat = a.containerFormat();
            minRam = a.minRam();
            minDisk = a.minDisk();
            properties = new LinkedHashMap<>(a.properties());
            tags = new TreeSet<>(a.tags());
        }

        ImageAttributes toAttributes() {
            return new ImageAttributes(name, visibility, protectedFromDeletion, osHidden, diskFormat, containerFormat,
                    minRam, minDisk, properties, tags);
        }
    }
}
