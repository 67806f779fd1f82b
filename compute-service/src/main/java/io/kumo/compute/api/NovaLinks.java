package io.kumo.compute.api;

import java.util.List;
import java.util.Map;

/** Nova's resource links: {@code self} under /v2.1, {@code bookmark} without the version. */
final class NovaLinks {

    private NovaLinks() {
    }

    static List<Map<String, String>> of(String base, String collection, String id) {
        return List.of(Map.of("rel", "self", "href", base + "/v2.1/" + collection + "/" + id),
                Map.of("rel", "bookmark", "href", base + "/" + collection + "/" + id));
    }
}
