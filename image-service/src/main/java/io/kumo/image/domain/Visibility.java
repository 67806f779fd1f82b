package io.kumo.image.domain;

import java.util.Locale;

/**
 * Who sees an image: its owner only ({@code private}), the owner and the projects it is shared with
 * ({@code shared}, Glance's default), everyone who knows its id ({@code community}), or everyone
 * ({@code public}, admin only).
 */
public enum Visibility {
    PUBLIC, COMMUNITY, SHARED, PRIVATE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Visibility fromWire(String value) {
        for (Visibility v : values()) {
            if (v.wire().equals(value)) {
                return v;
            }
        }
        return null;
    }
}
