package io.kumo.scheduler.domain;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Placement accepts UUIDs with or without dashes and stores them in the dashed, lower-case form. */
public final class Uuids {

    private static final Pattern DASHED = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PLAIN = Pattern.compile("[0-9a-fA-F]{32}");

    private Uuids() {
    }

    public static boolean isValid(String text) {
        return text != null && (DASHED.matcher(text).matches() || PLAIN.matcher(text).matches());
    }

    /** @return the canonical form, or null if {@code text} is not a UUID */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        if (DASHED.matcher(text).matches()) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (PLAIN.matcher(text).matches()) {
            String t = text.toLowerCase(Locale.ROOT);
            return t.substring(0, 8) + "-" + t.substring(8, 12) + "-" + t.substring(12, 16) + "-" + t.substring(16, 20)
                    + "-" + t.substring(20);
        }
        return null;
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }
}
