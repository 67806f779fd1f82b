package io.kumo.network.api;

import io.kumo.common.auth.Caller;
import io.kumo.network.application.TagService;
import io.kumo.network.application.Viewer;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Neutron's standard-attr-tag API on networks, subnets, ports and security groups. */
@RestController
class TagController {

    private final TagService tags;

    TagController(TagService tags) {
        this.tags = tags;
    }

    @GetMapping("/v2.0/{collection:networks|subnets|ports|security-groups}/{id}/tags")
    Map<String, Object> list(Caller caller, @PathVariable String collection, @PathVariable String id) {
        return Map.of("tags", tags.tags(Viewer.of(caller), collection, id));
    }

    @GetMapping("/v2.0/{collection:networks|subnets|ports|security-groups}/{id}/tags/{tag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void check(Caller caller, @PathVariable String collection, @PathVariable String id, @PathVariable String tag) {
        if (!tags.tags(Viewer.of(caller), collection, id).contains(tag)) {
            throw io.kumo.network.domain.NeutronException.notFound("TagNotFound", "Tag " + tag + " could not be found.");
        }
    }

    @PutMapping("/v2.0/{collection:networks|subnets|ports|security-groups}/{id}/tags")
    Map<String, Object> replace(Caller caller, @PathVariable String collection, @PathVariable String id,
            @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new io.kumo.network.domain.InvalidNetworkInput("a body {\"tags\": [...]} is required.");
        }
        return Map.of("tags", tags.replace(Viewer.of(caller), collection, id, NeutronJson.strings(body, "tags")));
    }

    @PutMapping("/v2.0/{collection:networks|subnets|ports|security-groups}/{id}/tags/{tag}")
    @ResponseStatus(HttpStatus.CREATED)
    void add(Caller caller, @PathVariable String collection, @PathVariable String id, @PathVariable String tag) {
        tags.add(Viewer.of(caller), collection, id, tag);
    }

    @DeleteMapping("/v2.0/{collection:networks|subnets|ports|security-groups}/{id}/tags/{tag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable String collection, @PathVariable String id, @PathVariable String tag) {
        tags.remove(Viewer.of(caller), collection, id, tag);
    }

    @DeleteMapping("/v2.0/{collection:networks|subnets|ports|security-groups}/{id}/tags")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeAll(Caller caller, @PathVariable String collection, @PathVariable String id) {
        tags.remove(Viewer.of(caller), collection, id, null);
    }
}
