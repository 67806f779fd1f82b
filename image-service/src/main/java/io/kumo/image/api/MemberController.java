package io.kumo.image.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.image.application.ImageMembers;
import io.kumo.image.application.Viewers;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Glance's image members API: sharing an image with other projects. */
@RestController
class MemberController {

    private final ImageMembers members;

    MemberController(ImageMembers members) {
        this.members = members;
    }

    @PostMapping("/v2/images/{id}/members")
    Map<String, Object> add(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        return ImageView.member(members.add(Viewers.of(caller), id, field(body, "member")));
    }

    @GetMapping("/v2/images/{id}/members")
    Map<String, Object> list(Caller caller, @PathVariable String id) {
        return Map.of("members", members.list(Viewers.of(caller), id).stream().map(ImageView::member).toList(),
                "schema", "/v2/schemas/members");
    }

    @GetMapping("/v2/images/{id}/members/{member}")
    Map<String, Object> show(Caller caller, @PathVariable String id, @PathVariable String member) {
        return ImageView.member(members.get(Viewers.of(caller), id, member));
    }

    @PutMapping("/v2/images/{id}/members/{member}")
    Map<String, Object> decide(Caller caller, @PathVariable String id, @PathVariable String member,
            @RequestBody JsonNode body) {
        return ImageView.member(members.decide(Viewers.of(caller), id, member, field(body, "status")));
    }

    @DeleteMapping("/v2/images/{id}/members/{member}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable String id, @PathVariable String member) {
        members.remove(Viewers.of(caller), id, member);
    }

    private static String field(JsonNode body, String name) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("Body expected in request: a JSON object.");
        }
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.badRequest("'" + name + "' must be a string.");
        }
        return value.asString();
    }
}
