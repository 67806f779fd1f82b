package io.kumo.identity.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.TokenScope;
import io.kumo.common.error.ApiException;
import io.kumo.identity.application.AuthRateLimiter;
import io.kumo.identity.application.AuthenticationService;
import io.kumo.identity.application.DomainService;
import io.kumo.identity.application.EffectiveRoles;
import io.kumo.identity.application.ProjectService;
import io.kumo.identity.application.ServiceCatalog;
import io.kumo.identity.application.TokenDetails;
import io.kumo.identity.application.TokenService;
import io.kumo.identity.persistence.RoleAssignment;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /v3/auth}: issue, validate, check and revoke tokens; the caller's catalog, projects, domains. */
@RestController
@RequestMapping("/v3/auth")
class AuthController {

    private static final String SUBJECT_TOKEN = "X-Subject-Token";

    private final AuthenticationService authentication;
    private final TokenService tokens;
    private final AuthRateLimiter rateLimiter;
    private final Scopes scopes;

    AuthController(AuthenticationService authentication, TokenService tokens, AuthRateLimiter rateLimiter,
            Scopes scopes) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.scopes = scopes;
    }

    @PostMapping("/tokens")
    ResponseEntity<Object> issue(@RequestBody JsonNode body, @RequestParam(required = false) String nocatalog,
            HttpServletRequest request) {
        rateLimiter.acquire(request.getRemoteAddr());
        AuthRequestParser.AuthRequest auth = AuthRequestParser.parse(body);
        AuthenticationService.Authentication issued = authentication.authenticate(auth.credentials(), auth.scope(),
                nocatalog == null, request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).header(SUBJECT_TOKEN, issued.token().tokenId())
                .header("Server-Timing", String.format(java.util.Locale.ROOT, "hash;dur=%.2f, other;dur=%.2f",
                        issued.hashNanos() / 1e6, issued.otherNanos() / 1e6))
                .body(TokenView.of(issued.token()));
    }

    @GetMapping("/tokens")
    ResponseEntity<Object> validate(Caller caller, @RequestHeader(value = SUBJECT_TOKEN, required = false) String subject,
            @RequestParam(required = false) String nocatalog) {
        TokenDetails details = tokens.validate(caller, subject, nocatalog == null);
        return ResponseEntity.ok().header(SUBJECT_TOKEN, subject).body(TokenView.of(details));
    }

    @RequestMapping(value = "/tokens", method = RequestMethod.HEAD)
    ResponseEntity<Void> check(Caller caller, @RequestHeader(value = SUBJECT_TOKEN, required = false) String subject) {
        tokens.validate(caller, subject, false);
        return ResponseEntity.ok().header(SUBJECT_TOKEN, subject).build();
    }

    @DeleteMapping("/tokens")
    ResponseEntity<Void> revoke(Caller caller, @RequestHeader(value = SUBJECT_TOKEN, required = false) String subject) {
        tokens.revoke(caller, subject);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/catalog")
    Map<String, Object> catalog(Caller caller, HttpServletRequest request) {
        if (caller.token().scope() == TokenScope.UNSCOPED) {
            throw ApiException.forbidden("The service catalog is empty for an unscoped token; request a scoped token.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("catalog", TokenView.catalog(scopes.catalog.forScope(caller.token().scope(), caller.projectId())));
        body.put("links", scopes.links.collection(request));
        return body;
    }

    @GetMapping("/projects")
    Map<String, Object> projects(Caller caller, HttpServletRequest request) {
        return scopes.views.collection("projects", scopes.projects.forUser(caller.userId()).stream()
                .map(p -> scopes.views.project(p, request)).toList(), request);
    }

    @GetMapping("/domains")
    Map<String, Object> domains(Caller caller, HttpServletRequest request) {
        var ids = scopes.roles.targetsOf(caller.userId(), RoleAssignment.DOMAIN);
        return scopes.views.collection("domains", scopes.domains.list(null, true).stream()
                .filter(d -> ids.contains(d.id())).map(d -> scopes.views.domain(d, request)).toList(), request);
    }

    @GetMapping("/system")
    Map<String, Object> system(Caller caller, HttpServletRequest request) {
        boolean any = !scopes.roles.of(caller.userId(), RoleAssignment.SYSTEM, RoleAssignment.SYSTEM_ALL).isEmpty();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("system", any ? List.of(Map.of("all", true)) : List.of());
        body.put("links", scopes.links.collection(request));
        return body;
    }

    /** What the caller-centric listings need, grouped to keep the controller's constructor small. */
    @org.springframework.stereotype.Component
    static class Scopes {
        final ServiceCatalog catalog;
        final ProjectService projects;
        final DomainService domains;
        final EffectiveRoles roles;
        final Views views;
        final Links links;

        Scopes(ServiceCatalog catalog, ProjectService projects, DomainService domains, EffectiveRoles roles, Views views,
                Links links) {
            this.catalog = catalog;
            this.projects = projects;
            this.domains = domains;
            this.roles = roles;
            this.views = views;
            this.links = links;
        }
    }
}
