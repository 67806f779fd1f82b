package io.kumo.identity.api;

import io.kumo.common.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Absolute {@code links} of Keystone resources and collections. */
@Component
class Links {

    private final PublicUrls urls;

    Links(PublicUrls urls) {
        this.urls = urls;
    }

    String base(HttpServletRequest request) {
        return urls.base(request);
    }

    Map<String, Object> self(HttpServletRequest request, String path) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", base(request) + path);
        return links;
    }

    /** A collection's links: Keystone lists are not paginated, so previous and next are null. */
    Map<String, Object> collection(HttpServletRequest request) {
        Map<String, Object> links = new LinkedHashMap<>();
        String query = request.getQueryString();
        links.put("self", base(request) + request.getRequestURI() + (query == null ? "" : "?" + query));
        links.put("previous", null);
        links.put("next", null);
        return links;
    }
}
