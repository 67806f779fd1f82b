package io.kumo.common.web;

import io.kumo.common.error.ApiException;

/**
 * OpenStack {@code limit}/{@code marker} paging: at most {@code limit} items after the item whose id
 * is {@code marker}. The limit is capped by the service's maximum, as {@code osapi_max_limit} does.
 */
public record PageRequest(int limit, String marker) {

    public static PageRequest of(String limit, String marker, int defaultLimit, int maxLimit) {
        int parsed = defaultLimit;
        if (limit != null && !limit.isBlank()) {
            try {
                parsed = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit must be a non-negative integer, got '" + limit + "'.");
            }
            if (parsed < 0) {
                throw ApiException.badRequest("limit must be a non-negative integer, got '" + limit + "'.");
            }
        }
        return new PageRequest(Math.min(parsed, maxLimit), marker == null || marker.isBlank() ? null : marker);
    }

    /** Fetch one more than the limit: if it comes back, there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }
}
