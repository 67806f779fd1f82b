package io.kumo.volume.api;

import io.kumo.common.web.PageLinks;
import io.kumo.common.web.PageRequest;
import io.kumo.common.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cinder list body: {@code {"<collection>": [...], "<collection>_links": [{"rel": "next", ...}]}}, the link
 * only when the page is full (Cinder's rule), the same query with the last item as the marker.
 */
final class CinderPages {

    private CinderPages() {
    }

    static Map<String, Object> body(String collection, List<Map<String, Object>> items, String lastId,
            PageRequest page, HttpServletRequest request, PublicUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(collection, items);
        if (page.limit() > 0 && items.size() == page.limit()) {
            body.put(collection + "_links", List.of(Map.of("rel", "next", "href", PageLinks.next(
                    urls.base(request) + request.getRequestURI(), request.getQueryString(), page, lastId))));
        }
        return body;
    }
}
