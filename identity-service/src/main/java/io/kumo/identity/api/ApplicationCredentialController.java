package io.kumo.identity.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kumo.common.audit.AuditTarget;
import io.kumo.common.auth.Caller;
import io.kumo.common.auth.RoleRef;
import io.kumo.common.error.ApiException;
import io.kumo.identity.application.ApplicationCredentialService;
import io.kumo.identity.application.Directory;
import io.kumo.identity.persistence.ApplicationCredential;
import io.kumo.identity.persistence.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v3/users/{user}/application_credentials}: the credentials Jenkins and other programs use. */
@RestController
@RequestMapping("/v3/users/{userId}/application_credentials")
class ApplicationCredentialController {

    private final ApplicationCredentialService credentials;
    private final Directory directory;
    private final Views views;

    ApplicationCredentialController(ApplicationCredentialService credentials, Directory directory, Views views) {
        this.credentials = credentials;
        this.directory = directory;
        this.views = views;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @PathVariable String userId, @Valid @RequestBody Body body,
            HttpServletRequest request) {
        Fields f = body.applicationCredential();
        var created = credentials.create(caller, userId, new ApplicationCredentialService.Draft(f.name(),
                f.description(), f.secret(), parseExpiry(f.expiresAt()), Boolean.TRUE.equals(f.unrestricted()),
                f.roles() == null ? List.of() : f.roles()));
        AuditTarget.set(request, "application_credential", created.credential().id());
        return Map.of("application_credential", view(created.credential(), created.secret(), request));
    }

    @GetMapping
    Map<String, Object> list(Caller caller, @PathVariable String userId, @RequestParam(required = false) String name,
            HttpServletRequest request) {
        return views.collection("application_credentials", credentials.list(caller, userId, name).stream()
                .map(c -> view(c, null, request)).toList(), request);
    }

    @GetMapping("/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String userId, @PathVariable String id,
            HttpServletRequest request) {
        return Map.of("application_credential", view(credentials.get(caller, userId, id), null, request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String userId, @PathVariable String id) {
        credentials.delete(caller, userId, id);
    }

    private Map<String, Object> view(ApplicationCredential credential, String secret, HttpServletRequest request) {
        List<Role> roles = credential.roleIds().stream().map(directory::role).flatMap(java.util.Optional::stream)
                .toList();
        return views.applicationCredential(credential, roles, secret, request);
    }

    private static Instant parseExpiry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw ApiException.badRequest("Invalid input for field 'expires_at': '" + value
                        + "' is not an ISO 8601 time such as 2027-01-01T00:00:00Z.");
            }
        }
    }

    record Body(@NotNull @Valid @JsonProperty("application_credential") Fields applicationCredential) {
    }

    record Fields(String name, String description, String secret, @JsonProperty("expires_at") String expiresAt,
            Boolean unrestricted, List<@NotNull RoleRef> roles) {

        @Override
        public String toString() {
            return "Fields[name=" + name + "]";
        }
    }
}
