package io.kumo.identity.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Version discovery exactly as Keystone answers it (keystone/api/discovery.py). */
@RestController
class DiscoveryController {

    private final Links links;

    DiscoveryController(Links links) {
        this.links = links;
    }

    @GetMapping("/")
    ResponseEntity<Object> versions(HttpServletRequest request) {
        Map<String, Object> v3 = v3(request);
        return ResponseEntity.status(HttpStatus.MULTIPLE_CHOICES)
                .header(HttpHeaders.LOCATION, links.base(request) + "/v3/")
                .body(Map.of("versions", Map.of("values", List.of(v3))));
    }

    @GetMapping({"/v3", "/v3/"})
    Map<String, Object> version(HttpServletRequest request) {
        return Map.of("version", v3(request));
    }

    private Map<String, Object> v3(HttpServletRequest request) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", "v3.14");
        v.put("status", "stable");
        v.put("updated", "2020-04-07T00:00:00Z");
        v.put("links", List.of(Map.of("rel", "self", "href", links.base(request) + "/v3/")));
        v.put("media-types", List.of(Map.of("base", "application/json",
                "type", "application/vnd.openstack.identity-v3+json")));
        return v;
    }
}
