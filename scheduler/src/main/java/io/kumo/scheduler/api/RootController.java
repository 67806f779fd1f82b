package io.kumo.scheduler.api;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Placement's version document, unauthenticated, as keystoneauth's discovery reads it. */
@RestController
class RootController {

    @GetMapping("/")
    Map<String, Object> versions() {
        return Map.of("versions", List.of(PlacementApi.map("id", "v1.0", "max_version", "1.36", "min_version", "1.0",
                "status", "CURRENT", "links", List.of(PlacementApi.link("self", "")))));
    }
}
