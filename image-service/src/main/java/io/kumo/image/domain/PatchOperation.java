package io.kumo.image.domain;

/**
 * One change of a JSON-patch ({@code application/openstack-images-v2.1-json-patch}).
 *
 * @param op    add, replace or remove
 * @param path  the JSON pointer, unescaped, without its leading slash (e.g. {@code name})
 * @param value a String, Boolean, Long, List of Strings or null, as the JSON had it
 */
public record PatchOperation(String op, String path, Object value) {
}
