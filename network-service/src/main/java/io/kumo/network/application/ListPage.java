package io.kumo.network.application;

import io.kumo.common.persistence.Keyset;
import java.util.List;

/**
 * Which slice of a list: the order (entity attributes), the marker to start after and how many.
 *
 * @param limit null for all of them
 */
public record ListPage(List<Keyset.Key> keys, String marker, Integer limit) {

    /** One more than the limit: when it comes back, there is a next page. */
    int fetchSize() {
        return limit == null ? Integer.MAX_VALUE : limit + 1;
    }

    /** The page of rows fetched with {@link #fetchSize}: at most {@code limit}, and whether more follow. */
    <T> Result<T> of(List<T> fetched) {
        boolean more = limit != null && fetched.size() > limit;
        return new Result<>(more ? fetched.subList(0, limit) : fetched, more);
    }

    public record Result<T>(List<T> items, boolean more) {
    }
}
