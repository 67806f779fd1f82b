package io.kumo.image.domain;

import io.kumo.common.error.ApiException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an image's user-settable attributes may hold (Glance's image schema), and which attributes no
 * client may set at all.
 */
public final class ImageRules {

    /** Set by Kumo only: changing one is a 403, as Glance answers. */
    public static final Set<String> READ_ONLY = Set.of("created_at", "updated_at", "status", "checksum", "os_hash_algo",
            "os_hash_value", "size", "virtual_size", "direct_url", "self", "file", "schema", "id", "owner", "stores");
    /** Glance's reserved names, and its {@code os_glance_} namespace. */
    public static final Set<String> RESERVED = Set.of("location", "locations", "deleted", "deleted_at");
    /** Attributes with a type of their own; every other (extra) property is a string. */
    public static final Set<String> BASE = Set.of("name", "visibility", "protected", "os_hidden", "disk_format",
            "container_format", "min_ram", "min_disk", "tags");

    public static final int MAX_PROPERTIES = 128;
    public static final int MAX_TAGS = 128;
    private static final int MAX_LENGTH = 255;
    private static final int MAX_VALUE_LENGTH = 65535;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ImageRules() {
    }

    /** 403 for names no client may set. */
    public static void requireSettable(String attribute) {
        if (READ_ONLY.contains(attribute)) {
            throw ApiException.forbidden("Attribute '" + attribute + "' is read-only.");
        }
        if (RESERVED.contains(attribute) || attribute.startsWith("os_glance")) {
            throw ApiException.forbidden("Attribute '" + attribute + "' is reserved.");
        }
    }

    public static void requireId(String id) {
        if (!UUID.matcher(id).matches()) {
            throw invalid("id", "'" + id + "' is not a 'uuid'");
        }
    }

    public static String name(Object value) {
        if (value == null) {
            return null;
        }
        return boundedString("name", value, MAX_LENGTH);
    }

    public static Visibility visibility(Object value) {
        Visibility v = value instanceof String s ? Visibility.fromWire(s) : null;
        if (v == null) {
            throw invalid("visibility", "'" + value + "' is not one of ['community', 'public', 'private', 'shared']");
        }
        return v;
    }

    public static boolean bool(String attribute, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw invalid(attribute, "'" + value + "' is not of type 'boolean'");
    }

    public static int nonNegative(String attribute, Object value) {
        if (value instanceof Long n && n >= 0 && n <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw invalid(attribute, "'" + value + "' is not a non-negative integer");
    }

    public static String diskFormat(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && DiskFormat.isKnown(s)) {
            return s;
        }
        throw invalid("disk_format", "'" + value + "' is not one of " + DiskFormat.ALL);
    }

    public static String containerFormat(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && ContainerFormat.isKnown(s)) {
            return s;
        }
        throw invalid("container_format", "'" + value + "' is not one of " + ContainerFormat.ALL);
    }

    public static String tag(Object value) {
        String tag = boundedString("tags", value, MAX_LENGTH);
        if (tag.isEmpty()) {
            throw invalid("tags", "a tag must not be empty");
        }
        return tag;
    }

    public static List<String> tags(Object value) {
        if (!(value instanceof List<?> list)) {
            throw invalid("tags", "'" + value + "' is not of type 'array'");
        }
        List<String> tags = list.stream().map(ImageRules::tag).distinct().toList();
        if (tags.size() > MAX_TAGS) {
            throw ApiException.badRequest("Maximum number of tags exceeded: at most " + MAX_TAGS + ".");
        }
        return tags;
    }

    public static String propertyName(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw ApiException.badRequest("Property names must be 1 to " + MAX_LENGTH + " characters.");
        }
        return name;
    }

    public static String propertyValue(String name, Object value) {
        return boundedString(name, value, MAX_VALUE_LENGTH);
    }

    private static String boundedString(String attribute, Object value, int max) {
        if (!(value instanceof String s)) {
            throw invalid(attribute, "'" + value + "' is not of type 'string'");
        }
        if (s.length() > max) {
            throw invalid(attribute, "it is longer than " + max + " characters");
        }
        return s;
    }

    static ApiException invalid(String attribute, String why) {
        return ApiException.badRequest("Provided object does not match schema 'image': " + why
                + " (attribute '" + attribute + "').");
    }
}
