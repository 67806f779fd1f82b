package io.kumo.image.domain;

import io.kumo.common.error.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The body of {@code POST /v2/images}: the base attributes with their types, any other key an extra
 * string property (as the SDK's {@code owner_specified.openstack.*}). Visibility defaults to
 * {@code shared}, as in Glance since Rocky.
 *
 * @param id    the id the client asked for, or null for a new one
 * @param owner the project asked for (admins may create images for others), or null for the caller's
 */
public record NewImage(String id, String owner, ImageAttributes attributes) {

    public static NewImage parse(Map<String, Object> body) {
        String id = null;
        String owner = null;
        String name = null;
        Visibility visibility = Visibility.SHARED;
        boolean protectedFromDeletion = false;
        boolean osHidden = false;
        String diskFormat = null;
        String containerFormat = null;
        int minRam = 0;
        int minDisk = 0;
        List<String> tags = List.of();
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("id") && value instanceof String s) {
                ImageRules.requireId(s);
                id = s.toLowerCase(java.util.Locale.ROOT);
                continue;
            }
            if (key.equals("owner") && value instanceof String s && !s.isBlank()) {
                if (s.length() > 64) {
                    throw ImageRules.invalid("owner", "a project id has at most 64 characters");
                }
                owner = s;
                continue;
            }
            ImageRules.requireSettable(key);
            switch (key) {
                case "name" -> name = ImageRules.name(value);
                case "visibility" -> visibility = ImageRules.visibility(value);
                case "protected" -> protectedFromDeletion = ImageRules.bool(key, value);
                case "os_hidden" -> osHidden = ImageRules.bool(key, value);
                case "disk_format" -> diskFormat = ImageRules.diskFormat(value);
                case "container_format" -> containerFormat = ImageRules.containerFormat(value);
                case "min_ram" -> minRam = ImageRules.nonNegative(key, value);
                case "min_disk" -> minDisk = ImageRules.nonNegative(key, value);
                case "tags" -> tags = ImageRules.tags(value);
                default -> properties.put(ImageRules.propertyName(key), ImageRules.propertyValue(key, value));
            }
        }
        if (properties.size() > ImageRules.MAX_PROPERTIES) {
            throw ApiException.badRequest("Maximum number of image properties exceeded: at most "
                    + ImageRules.MAX_PROPERTIES + ".");
        }
        return new NewImage(id, owner, new ImageAttributes(name, visibility, protectedFromDeletion, osHidden, diskFormat,
                containerFormat, minRam, minDisk, properties, new TreeSet<>(tags)));
    }
}
