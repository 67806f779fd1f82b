package io.kumo.common.web;

import org.springframework.web.util.UriComponentsBuilder;

/** Builds the {@code next} link of a page: the same request with {@code marker} set to the last id. */
public final class PageLinks {

    private PageLinks() {
    }

    public static String next(String requestUrl, String query, PageRequest page, String lastId) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(requestUrl);
        if (query != null) {
            builder.query(query);
        }
        return builder.replaceQueryParam("marker", lastId)
                .replaceQueryParam("limit", page.limit())
                .build()
                .toUriString();
    }
}
