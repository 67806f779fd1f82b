package io.kumo.volume.api;

import io.kumo.common.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Version discovery as Cinder answers it: 300 at the root, 200 at {@code /v3/}, the same document. Only
 * microversion 3.0 is advertised, so every client speaks the base API this service implements.
 */
@RestController
class DiscoveryController {

    private final PublicUrls urls;

    DiscoveryController(PublicUrls urls) {
        this.urls = urls;
    }

    @GetMapping("/")
    ResponseEntity<Map<String, Object>> root(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES).body(versions(request));
    }

    @GetMapping({"/v3", "/v3/"})
    Map<String, Object> v3(HttpServletRequest request) {
        return versions(request);
    }

    private Map<String, Object> versions(HttpServletRequest request) {
        Map<String, Object> v3 = new LinkedHashMap<>();
        v3.put("id", "v3.0");
        v3.put("status", "CURRENT");
        v3.put("version", "3.0");
        v3.put("min_version", "3.0");
        v3.put("updated", "2016-02-08T12:20:21Z");
        v3.put("links", List.of(Map.of("rel", "describedby", "type", "text/html",
                "href", "https://docs.openstack.org/"), Map.of("rel", "self", "href", urls.base(request) + "/v3/")));
        v3.put("media-types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.volume+json;version=3")));
        return Map.of("versions", List.of(v3));
    }
}
