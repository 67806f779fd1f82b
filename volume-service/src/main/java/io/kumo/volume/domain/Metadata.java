package io.kumo.volume.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Edits of a volume's or snapshot's metadata, as Cinder's metadata APIs make them. */
public final class Metadata {

    private Metadata() {
    }

    /** {@code changes} merged into {@code current} (POST), or in its place ({@code replace}, PUT). */
    public static Map<String, String> edited(Map<String, String> current, Map<String, String> changes,
            boolean replace) {
        Map<String, String> next = new LinkedHashMap<>(replace ? Map.of() : current);
        next.putAll(changes);
        return next;
    }

    /** {@code current} without {@code key}; empty when it has no such key. */
    public static Optional<Map<String, String>> without(Map<String, String> current, String key) {
        if (!current.containsKey(key)) {
            return Optional.empty();
        }
        Map<String, String> next = new LinkedHashMap<>(current);
        next.remove(key);
        return Optional.of(next);
    }
}
