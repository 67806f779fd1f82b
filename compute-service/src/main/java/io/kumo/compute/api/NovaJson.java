package io.kumo.compute.api;

import io.kumo.common.error.ApiException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.JsonNode;

/**
 * Reading Nova request bodies ({"flavor": {...}}) with the messages Nova's JSON-schema validation gives,
 * and writing Nova's time format.
 */
final class NovaJson {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private NovaJson() {
    }

    static JsonNode resource(JsonNode body, String name) {
        JsonNode resource = body == null ? null : body.get(name);
        if (resource == null || !resource.isObject()) {
            throw ApiException.badRequest("Invalid input for field/attribute " + name + ". Value: None. None is not"
                    + " of type 'object'");
        }
        return resource;
    }

    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(field, value, value + " is not of type 'string'");
        }
        return value.asString();
    }

    /** A string, or an integer given for it (Nova accepts flavor ids and names either way). */
    static String textOrNumber(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value != null && value.isIntegralNumber()) {
            return value.asString();
        }
        return text(object, field);
    }

    /** An integer, also as a string of digits, as Nova's parameter types allow. */
    static Integer integer(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.asInt();
        }
        if (value.isString() && value.asString().strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(value.asString().strip());
        }
        throw invalid(field, value, value + " is not of type 'integer', 'string'");
    }

    static Double number(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isString()) {
            try {
                return Double.parseDouble(value.asString());
            } catch (NumberFormatException e) {
                // falls through to the refusal
            }
        }
        throw invalid(field, value, value + " is not of type 'number', 'string'");
    }

    static Boolean bool(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString()) {
            String s = value.asString().strip().toLowerCase(java.util.Locale.ROOT);
            if (s.equals("true") || s.equals("1") || s.equals("yes") || s.equals("on")) {
                return true;
            }
            if (s.equals("false") || s.equals("0") || s.equals("no") || s.equals("off")) {
                return false;
            }
        }
        throw invalid(field, value, value + " is not of type 'boolean', 'string'");
    }

    /** Nova's metadata object: strings of 1 to 255 characters as keys, of at most 255 as values; null when absent. */
    static Map<String, String> metadata(JsonNode object, String field) {
        JsonNode meta = object.get(field);
        if (meta == null || meta.isNull()) {
            return null;
        }
        if (!meta.isObject()) {
            throw invalid(field, meta, meta + " is not of type 'object'");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : meta.properties()) {
            if (!e.getValue().isString() || e.getKey().isEmpty() || e.getKey().length() > 255
                    || e.getValue().asString().length() > 255) {
                throw invalid(field, meta, "keys and values must be strings of 1 to 255 characters");
            }
            metadata.put(e.getKey(), e.getValue().asString());
        }
        return metadata;
    }

    static ApiException invalid(String field, JsonNode value, String why) {
        return ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + value + ". " + why);
    }

    /** Nova's {@code created_at} style in os-keypairs: microseconds, no zone. */
    static String micros(Instant instant) {
        return instant == null ? null : MICROS.format(instant);
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }
}
