package io.kumo.scheduler.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.common.web.Microversion;
import io.kumo.common.web.MicroversionFilter;
import io.kumo.scheduler.domain.PlacementException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What every placement controller shares: the admin-or-service rule, the microversion, body parsing. */
final class PlacementApi {

    private PlacementApi() {
    }

    /** Placement is for operators and services (compute), never for tenants. */
    static void authorize(Caller caller, String rule) {
        if (!Policy.isAdmin(caller) && !Policy.isService(caller)) {
            throw ApiException.forbidden("Policy does not allow placement:" + rule + " to be performed.");
        }
    }

    static Microversion version(HttpServletRequest request) {
        Object version = request.getAttribute(MicroversionFilter.ATTRIBUTE);
        return version == null ? new Microversion(1, 0) : (Microversion) version;
    }

    static boolean atLeast(HttpServletRequest request, int minor) {
        return version(request).compareTo(new Microversion(1, minor)) >= 0;
    }

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw PlacementException.badRequest("JSON does not validate: the body must be a JSON object.");
        }
        return body;
    }

    static Integer integer(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw PlacementException.badRequest("JSON does not validate: '" + field + "' is a required property");
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw PlacementException.badRequest("JSON does not validate: " + node + " is not of type 'integer' ("
                    + field + ")");
        }
        return node.intValue();
    }

    static Double number(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw PlacementException.badRequest("JSON does not validate: " + node + " is not of type 'number' ("
                    + field + ")");
        }
        return node.doubleValue();
    }

    static String string(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw PlacementException.badRequest("JSON does not validate: '" + field + "' is a required property");
            }
            return null;
        }
        if (!node.isString()) {
            throw PlacementException.badRequest("JSON does not validate: " + node + " is not of type 'string' ("
                    + field + ")");
        }
        return node.asString();
    }

    static List<String> strings(JsonNode node, String field) {
        if (node == null || !node.isArray()) {
            throw PlacementException.badRequest("JSON does not validate: '" + field + "' must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw PlacementException.badRequest("JSON does not validate: " + item + " is not of type 'string' ("
                        + field + ")");
            }
            values.add(item.asString());
        }
        return values;
    }

    /** PUT of a name that may exist (traits, resource classes): 201 when created, 204 when it was there. */
    static ResponseEntity<Void> createdOrFound(boolean created, String location) {
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.NO_CONTENT)
                .header("Location", location).build();
    }

    static Map<String, Object> link(String rel, String href) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("rel", rel);
        link.put("href", href);
        return link;
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
