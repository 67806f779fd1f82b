package io.kumo.network.application;

import io.kumo.common.persistence.Keyset;
import java.util.List;

/**
 * Which slice of a list: the order (entity attributes), the marker to start after and how many.
 *
 * @param limit null for all of them
 */
public record ListPage(List<Keyset.Key> keys, String marker, Integer limit) {

    public static final ListPage ALL = new ListPage(List.of(new Keyset.Key("createdAt", true)), null, null);

    /** One more than the limit: when it comes back, there is a next page. */
    int fetchSize() {
        return limit == null ? Integer.MAX_VALUE : limit + 1;
    }

    public record Result<T>(List<T> items, boolean more) {
    }
}
