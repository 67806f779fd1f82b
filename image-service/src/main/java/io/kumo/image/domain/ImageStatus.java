package io.kumo.image.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Glance's image statuses, and the only transitions between them (one place, as data). An image is
 * {@code queued} until data arrives, {@code saving} while one upload streams it, then {@code active};
 * an upload that breaks off puts it back to {@code queued}, data that fails inspection kills it.
 */
public enum ImageStatus {
    QUEUED, SAVING, ACTIVE, KILLED, DEACTIVATED;

    private static final Map<ImageStatus, Set<ImageStatus>> ALLOWED = Map.of(
            QUEUED, Set.of(SAVING),
            SAVING, Set.of(ACTIVE, QUEUED, KILLED),
            ACTIVE, Set.of(DEACTIVATED),
            DEACTIVATED, Set.of(ACTIVE),
            KILLED, Set.of());

    public boolean canBecome(ImageStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** The lower-case name on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImageStatus fromWire(String value) {
        for (ImageStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        return null;
    }
}
