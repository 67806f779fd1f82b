package io.kumo.network.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Neutron's resource tags (standard-attr-tag): strings of 1–255 characters without commas (a comma
 * separates tags in filters), at most 50 per resource, stored as {@code ",a,b,"}.
 */
public final class Tags {

    public static final int MAX = 50;

    private Tags() {
    }

    public static String validTag(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > 255 || tag.contains(",")) {
            throw new InvalidNetworkInput("'" + tag + "' is not a valid tag: 1 to 255 characters, no commas.");
        }
        return tag;
    }

    public static String encode(List<String> tags) {
        TreeSet<String> unique = new TreeSet<>();
        for (String tag : tags) {
            unique.add(validTag(tag));
        }
        if (unique.size() > MAX) {
            throw new InvalidNetworkInput("at most " + MAX + " tags are allowed.");
        }
        return unique.isEmpty() ? null : "," + String.join(",", unique) + ",";
    }

    public static List<String> decode(String stored) {
        if (stored == null || stored.length() < 2) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList(stored.substring(1, stored.length() - 1).split(",")));
    }
}
