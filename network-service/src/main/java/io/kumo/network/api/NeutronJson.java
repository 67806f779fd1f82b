package io.kumo.network.api;

import io.kumo.common.error.ApiException;
import io.kumo.network.domain.InvalidNetworkInput;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reading Neutron request bodies ({"network": {...}}) and writing Neutron's time format. */
final class NeutronJson {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private NeutronJson() {
    }

    static JsonNode resource(JsonNode body, String name) {
        JsonNode resource = body == null ? null : body.get(name);
        if (resource == null || !resource.isObject()) {
            throw ApiException.badRequest("Resource body required: {\"" + name + "\": {...}}.");
        }
        return resource;
    }

    static String text(JsonNode object, String field, String fallback) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isString()) {
            throw new InvalidNetworkInput("'" + value + "' is not a valid string for " + field + ".");
        }
        if (value.asString().length() > 255) {
            throw new InvalidNetworkInput(field + " is longer than 255 characters.");
        }
        return value.asString();
    }

    static boolean bool(JsonNode object, String field, boolean fallback) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString() && (value.asString().equalsIgnoreCase("true") || value.asString().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.asString());
        }
        throw new InvalidNetworkInput("'" + value + "' is not a valid boolean value for " + field + ".");
    }

    static Long integer(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isString() && value.asString().matches("-?\\d{1,18}")) {
            return Long.parseLong(value.asString());
        }
        throw new InvalidNetworkInput("'" + value + "' is not an integer for " + field + ".");
    }

    static List<String> strings(JsonNode object, String field) {
        JsonNode value = object.get(field);
        List<String> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            throw new InvalidNetworkInput("'" + value + "' is not a list for " + field + ".");
        }
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw new InvalidNetworkInput("'" + item + "' is not a valid string in " + field + ".");
            }
            items.add(item.asString());
        }
        return items;
    }

    static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
