package io.kumo.image.api;

import io.kumo.common.error.ApiException;
import io.kumo.image.domain.PatchOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PATCH /v2/images/{id}}: a JSON array of changes, in the v2.1 form
 * ({@code {"op": "replace", "path": "/name", "value": ...}}) or the older v2.0 form Tempest still sends
 * ({@code {"replace": "/name", "value": ...}}). Paths are JSON pointers one level deep.
 */
final class JsonPatchRequest {

    static final String V2_1 = "application/openstack-images-v2.1-json-patch";
    static final String V2_0 = "application/openstack-images-v2.0-json-patch";
    private static final Set<String> OPERATIONS = Set.of("add", "replace", "remove");

    private JsonPatchRequest() {
    }

    static List<PatchOperation> parse(JsonNode body, boolean draft04) {
        if (body == null || !body.isArray()) {
            throw ApiException.badRequest("Request body must be a JSON array of operation objects.");
        }
        List<PatchOperation> operations = new ArrayList<>();
        for (JsonNode change : body) {
            if (!change.isObject()) {
                throw ApiException.badRequest("Operations must be JSON objects.");
            }
            String op = draft04 ? draft04Operation(change) : text(change.get("op"), "op");
            if (!OPERATIONS.contains(op)) {
                throw ApiException.badRequest("Invalid operation: `" + op + "`: use add, replace or remove.");
            }
            String pointer = text(draft04 ? change.get(op) : change.get("path"), "path");
            if (!op.equals("remove") && !change.has("value")) {
                throw ApiException.badRequest("Operation \"" + op + "\" requires a member named \"value\".");
            }
            operations.add(new PatchOperation(op, path(pointer), op.equals("remove") ? null : value(change.get("value"))));
        }
        return operations;
    }

    private static String draft04Operation(JsonNode change) {
        List<String> ops = new ArrayList<>();
        change.propertyNames().forEach(name -> {
            if (OPERATIONS.contains(name)) {
                ops.add(name);
            }
        });
        if (ops.size() != 1) {
            throw ApiException.badRequest("Operation objects must contain exactly one member named \"add\", "
                    + "\"remove\", or \"replace\".");
        }
        return ops.get(0);
    }

    private static String text(JsonNode node, String member) {
        if (node == null || !node.isString()) {
            throw ApiException.badRequest("Unable to find '" + member + "' in JSON Schema change");
        }
        return node.asString();
    }

    /** A one-level JSON pointer, unescaped: "/a~1b" names the property "a/b". */
    private static String path(String pointer) {
        if (!pointer.startsWith("/") || pointer.length() < 2 || pointer.endsWith("/")
                || pointer.indexOf('/', 1) >= 0 || pointer.matches(".*~[^01].*|.*~$")) {
            throw ApiException.badRequest("Invalid JSON pointer for this resource: '" + pointer + "'");
        }
        return pointer.substring(1).replace("~1", "/").replace("~0", "~");
    }

    /** JSON to plain Java: strings, booleans, whole numbers as Long, arrays as lists; objects stay maps. */
    static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item)));
            return items;
        }
        if (node.isObject()) {
            return Map.of("object", node.toString());
        }
        return node.toString();
    }
}
