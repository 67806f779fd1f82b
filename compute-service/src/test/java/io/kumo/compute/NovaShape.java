package io.kumo.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A response object's schema as Tempest writes Nova 2.1's ({@code additionalProperties: false}): the
 * fields allowed with their JSON types, and which are required. An extra field, a missing required
 * one or a wrong type fails the test.
 */
public final class NovaShape {

    public enum Type {
        STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY, NULL
    }

    private final String name;
    private final Map<String, Set<Type>> allowed = new LinkedHashMap<>();
    private final Set<String> required = new java.util.HashSet<>();

    private NovaShape(String name) {
        this.name = name;
    }

    public static NovaShape of(String name) {
        return new NovaShape(name);
    }

    /** A new shape with this one's fields, to extend (a schema that builds on another, as Tempest's do). */
    public NovaShape copy(String newName) {
        NovaShape copy = new NovaShape(newName);
        copy.allowed.putAll(allowed);
        copy.required.addAll(required);
        return copy;
    }

    public NovaShape required(String field, Type... types) {
        allowed.put(field, Set.of(types));
        required.add(field);
        return this;
    }

    public NovaShape optional(String field, Type... types) {
        allowed.put(field, Set.of(types));
        return this;
    }

    public void check(JsonNode node) {
        assertThat(node).as(name + " is an object").isNotNull();
        assertThat(node.isObject()).as(name + " is an object: " + node).isTrue();
        for (String field : node.propertyNames()) {
            assertThat(allowed).as(name + " has no field '" + field + "' in Nova 2.1: " + node).containsKey(field);
            Type type = typeOf(node.get(field));
            boolean numberAllowsInteger = type == Type.INTEGER && allowed.get(field).contains(Type.NUMBER);
            if (!numberAllowsInteger) { // JSON Schema's "number" takes integers too
                assertThat(allowed.get(field)).as(name + "." + field + " type in " + node).contains(type);
            }
        }
        for (String field : required) {
            assertThat(node.has(field)).as(name + " lacks required '" + field + "': " + node).isTrue();
        }
    }

    private static Type typeOf(JsonNode v) {
        if (v.isNull()) {
            return Type.NULL;
        }
        if (v.isString()) {
            return Type.STRING;
        }
        if (v.isIntegralNumber()) {
            return Type.INTEGER;
        }
        if (v.isNumber()) {
            return Type.NUMBER;
        }
        if (v.isBoolean()) {
            return Type.BOOLEAN;
        }
        return v.isArray() ? Type.ARRAY : Type.OBJECT;
    }
}
