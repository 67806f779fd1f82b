package io.kumo.image.domain;

import java.util.Locale;

/** A project an image is shared with decides whether it wants it in its image list. */
public enum MemberStatus {
    PENDING, ACCEPTED, REJECTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MemberStatus fromWire(String value) {
        for (MemberStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        return null;
    }
}
