package io.kumo.identity.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kumo.common.audit.AuditTarget;
import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.identity.application.GroupService;
import io.kumo.identity.application.UserService;
import io.kumo.identity.application.UserService.UserDraft;
import io.kumo.identity.persistence.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

    private final UserService users;
    private final GroupService groups;
    private final Views views;

    UserController(UserService users, GroupService groups, Views views) {
        this.users = users;
        this.groups = groups;
        this.views = views;
    }

    @GetMapping("/v3/users")
    Map<String, Object> list(Caller caller, @RequestParam(name = "domain_id", required = false) String domainId,
            @RequestParam(required = false) String name, @RequestParam(required = false) Boolean enabled,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:list_users");
        return views.collection("users",
                users.list(domainId, name, enabled).stream().map(u -> views.user(u, request)).toList(), request);
    }

    @GetMapping("/v3/users/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id, HttpServletRequest request) {
        requireSelfOrAdmin(caller, id);
        return Map.of("user", views.user(users.get(id), request));
    }

    @PostMapping("/v3/users")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @Valid @RequestBody Body body, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:create_user");
        User created = users.create(body.user().draft());
        AuditTarget.set(request, "user", created.id());
        return Map.of("user", views.user(created, request));
    }

    @PatchMapping("/v3/users/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @Valid @RequestBody Body body,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:update_user");
        return Map.of("user", views.user(users.update(id, body.user().draft()), request));
    }

    @DeleteMapping("/v3/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        Policy.requireAdmin(caller, "identity:delete_user");
        users.delete(id);
    }

    @PostMapping("/v3/users/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Caller caller, @PathVariable String id, @Valid @RequestBody PasswordBody body) {
        if (!caller.userId().equals(id)) {
            throw ApiException.forbidden("Users can only change their own password.");
        }
        users.changeOwnPassword(id, body.user().originalPassword(), body.user().password());
    }

    @GetMapping("/v3/users/{id}/groups")
    Map<String, Object> groupsOf(Caller caller, @PathVariable String id, HttpServletRequest request) {
        requireSelfOrAdmin(caller, id);
        return views.collection("groups", groups.groupsOf(id).stream().map(g -> views.group(g, request)).toList(),
                request);
    }

    private static void requireSelfOrAdmin(Caller caller, String id) {
        if (!Policy.isAdmin(caller) && !caller.userId().equals(id)) {
            throw ApiException.notFound("user", id);
        }
    }

    record Body(@NotNull @Valid Fields user) {
    }

    record Fields(String name, @JsonProperty("domain_id") String domainId,
            @JsonProperty("default_project_id") String defaultProjectId, String description, String email,
            Boolean enabled, String password) {

        UserDraft draft() {
            return new UserDraft(name, domainId, defaultProjectId, description, email, enabled, password);
        }

        @Override
        public String toString() {
            return "Fields[name=" + name + "]";
        }
    }

    record PasswordBody(@NotNull @Valid PasswordFields user) {
    }

    record PasswordFields(@JsonProperty("original_password") String originalPassword, @NotNull String password) {

        @Override
        public String toString() {
            return "PasswordFields[***]";
        }
    }
}
