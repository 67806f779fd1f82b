package io.kumo.image.api;

import io.kumo.common.web.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Version discovery as Glance answers it (glance/api/versions.py): 300 at the root, 200 at
 * {@code /versions}, the same list either way. Advertised as Glance Zed (what Debian bookworm's clients
 * know): v2.15 current; location and import APIs are not offered.
 */
@RestController
class DiscoveryController {

    private static final List<String> VERSIONS = List.of("v2.15", "v2.9", "v2.7", "v2.6", "v2.5", "v2.4", "v2.3",
            "v2.2", "v2.1", "v2.0");

    private final PublicUrls urls;

    DiscoveryController(PublicUrls urls) {
        this.urls = urls;
    }

    @GetMapping("/")
    ResponseEntity<Map<String, Object>> root(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES).body(versions(request));
    }

    @GetMapping("/versions")
    Map<String, Object> list(HttpServletRequest request) {
        return versions(request);
    }

    private Map<String, Object> versions(HttpServletRequest request) {
        String href = urls.base(request) + "/v2/";
        return Map.of("versions", VERSIONS.stream().map(id -> Map.of("id", id,
                "status", id.equals(VERSIONS.get(0)) ? "CURRENT" : "SUPPORTED",
                "links", List.of(Map.of("rel", "self", "href", href)))).toList());
    }
}
