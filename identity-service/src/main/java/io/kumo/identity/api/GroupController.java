package io.kumo.identity.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.identity.application.GroupService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v3/groups")
class GroupController {

    private final GroupService groups;
    private final Views views;

    GroupController(GroupService groups, Views views) {
        this.groups = groups;
        this.views = views;
    }

    @GetMapping
    Map<String, Object> list(Caller caller, @RequestParam(name = "domain_id", required = false) String domainId,
            @RequestParam(required = false) String name, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:list_groups");
        return views.collection("groups", groups.list(domainId, name).stream().map(g -> views.group(g, request)).toList(),
                request);
    }

    @GetMapping("/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:get_group");
        return Map.of("group", views.group(groups.get(id), request));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @Valid @RequestBody Body body, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:create_group");
        Fields g = body.group();
        return Map.of("group", views.group(groups.create(g.name(), g.domainId(), g.description()), request));
    }

    @PatchMapping("/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @Valid @RequestBody Body body,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:update_group");
        return Map.of("group", views.group(groups.update(id, body.group().name(), body.group().description()), request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        Policy.requireAdmin(caller, "identity:delete_group");
        groups.delete(id);
    }

    @GetMapping("/{id}/users")
    Map<String, Object> users(Caller caller, @PathVariable String id, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:list_users_in_group");
        return views.collection("users", groups.usersOf(id).stream().map(u -> views.user(u, request)).toList(), request);
    }

    @PutMapping("/{id}/users/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void addUser(Caller caller, @PathVariable String id, @PathVariable String userId) {
        Policy.requireAdmin(caller, "identity:add_user_to_group");
        groups.addUser(id, userId);
    }

    @RequestMapping(value = "/{id}/users/{userId}", method = RequestMethod.HEAD)
    ResponseEntity<Void> checkUser(Caller caller, @PathVariable String id, @PathVariable String userId) {
        Policy.requireAdmin(caller, "identity:check_user_in_group");
        if (!groups.isMember(id, userId)) {
            throw ApiException.notFound("User " + userId + " is not a member of group " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/users/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeUser(Caller caller, @PathVariable String id, @PathVariable String userId) {
        Policy.requireAdmin(caller, "identity:remove_user_from_group");
        groups.removeUser(id, userId);
    }

    record Body(@NotNull @Valid Fields group) {
    }

    record Fields(String name, @JsonProperty("domain_id") String domainId, String description) {
    }
}
