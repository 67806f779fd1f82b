package io.kumo.volume.api;

import io.kumo.common.error.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads request bodies the way Cinder's JSON schemas do: the resource wrapped in its key, strings of at
 * most 255 characters, sizes as integers or numeric strings, booleans as JSON booleans or their strings,
 * metadata as string values. Anything else is a 400 naming the field, before anything is changed.
 */
final class CinderBodies {

    private CinderBodies() {
    }

    /** The object under {@code key} ({@code {"volume": {...}}}). */
    static JsonNode wrapped(JsonNode body, String key) {
        if (body == null || !body.isObject() || !body.has(key) || !body.get(key).isObject()) {
            throw ApiException.badRequest("Invalid input received: the request body must be an object with the key"
                    + " '" + key + "'.");
        }
        return body.get(key);
    }

    /** A string field, null when absent or null. */
    static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(field, value, "is not of type 'string'");
        }
        if (value.asString().length() > 255) {
            throw invalid(field, value, "is too long (at most 255 characters)");
        }
        return value.asString();
    }

    /** The first of several synonymous string fields that is set ({@code name}, {@code display_name}). */
    static String string(JsonNode node, String field, String alias) {
        String value = string(node, field);
        return value != null ? value : string(node, alias);
    }

    /** A positive size in GiB (integer or numeric string), null when absent or null. */
    static Integer size(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        long size;
        if (value.isIntegralNumber()) {
            size = value.asLong();
        } else if (value.isString() && value.asString().matches("[0-9]{1,10}")) {
            size = Long.parseLong(value.asString());
        } else {
            throw invalid(field, value, "is not a valid size");
        }
        if (size < 1) {
            throw invalid(field, value, "is less than the minimum of 1");
        }
        if (size > Integer.MAX_VALUE) {
            throw invalid(field, value, "is greater than the maximum of " + Integer.MAX_VALUE);
        }
        return (int) size;
    }

    /** A boolean (JSON boolean or true/false/1/0/yes/no string), {@code otherwise} when absent or null. */
    static boolean bool(JsonNode node, String field, boolean otherwise) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString()) {
            switch (value.asString().toLowerCase()) {
                case "true", "1", "yes", "y", "on", "t" -> {
                    return true;
                }
                case "false", "0", "no", "n", "off", "f" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw invalid(field, value, "is not of type 'boolean'");
    }

    /** Metadata: an object of string values with keys of 1 to 255 characters; empty when absent or null. */
    static Map<String, String> metadata(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw invalid(field, value, "is not of type 'object'");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (e.getKey().isEmpty() || e.getKey().length() > 255) {
                throw ApiException.badRequest("Invalid input for field/attribute " + field + ". Metadata keys must be"
                        + " 1 to 255 characters.");
            }
            if (!e.getValue().isString() || e.getValue().asString().length() > 255) {
                throw ApiException.badRequest("Invalid input for field/attribute " + field + ". The value of '"
                        + e.getKey() + "' must be a string of at most 255 characters.");
            }
            metadata.put(e.getKey(), e.getValue().asString());
        }
        return metadata;
    }

    /** Cinder's schema message: {@code Invalid input for field/attribute size. Value: 0. 0 is less than ...}. */
    private static ApiException invalid(String field, JsonNode value, String why) {
        String shown = value.isString() ? value.asString() : value.toString();
        return ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + shown + ". "
                + shown + " " + why + ".");
    }
}
