package io.kumo.compute.api;

import io.kumo.common.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nova's version documents: {@code GET /} lists v2.0 first (Tempest checks the order) and v2.1 as
 * CURRENT with the microversion range 2.1–2.1, so every client negotiates 2.1.
 */
@RestController
class DiscoveryController {

    static final String VERSION = "2.1";

    private final PublicUrls urls;

    DiscoveryController(PublicUrls urls) {
        this.urls = urls;
    }

    @GetMapping("/")
    Map<String, Object> versions(HttpServletRequest request) {
        String base = urls.base(request);
        return Map.of("versions", List.of(
                version("v2.0", "SUPPORTED", "", "", "2011-01-21T11:33:21Z", base + "/v2/"),
                version("v2.1", "CURRENT", VERSION, VERSION, "2013-07-23T11:33:21Z", base + "/v2.1/")));
    }

    @GetMapping({"/v2.1", "/v2.1/"})
    Map<String, Object> current(HttpServletRequest request) {
        Map<String, Object> version = version("v2.1", "CURRENT", VERSION, VERSION, "2013-07-23T11:33:21Z",
                urls.base(request) + "/v2.1/");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> links = (List<Map<String, String>>) version.get("links");
        version.put("links", List.of(links.get(0), Map.of("rel", "describedby", "type", "text/html",
                "href", "https://docs.openstack.org/")));
        version.put("media-types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.compute+json;version=2.1")));
        return Map.of("version", version);
    }

    private static Map<String, Object> version(String id, String status, String version, String min, String updated,
            String href) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("status", status);
        v.put("version", version);
        v.put("min_version", min);
        v.put("updated", updated);
        v.put("links", List.of(Map.of("rel", "self", "href", href)));
        return v;
    }
}
