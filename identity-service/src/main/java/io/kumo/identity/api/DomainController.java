package io.kumo.identity.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.identity.application.DomainService;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v3/domains")
class DomainController {

    private final DomainService domains;
    private final Views views;

    DomainController(DomainService domains, Views views) {
        this.domains = domains;
        this.views = views;
    }

    @GetMapping
    Map<String, Object> list(Caller caller, @RequestParam(required = false) String name,
            @RequestParam(required = false) Boolean enabled, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:list_domains");
        return views.collection("domains", domains.list(name, enabled).stream().map(d -> views.domain(d, request)).toList(),
                request);
    }

    @GetMapping("/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id, HttpServletRequest request) {
        if (!Policy.isAdmin(caller) && !id.equals(caller.token().userDomainId())) {
            throw ApiException.notFound("domain", id);
        }
        return Map.of("domain", views.domain(domains.get(id), request));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @Valid @RequestBody Body body, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:create_domain");
        Fields d = body.domain();
        return Map.of("domain", views.domain(domains.create(d.name(), d.description(), d.enabled() == null || d.enabled()),
                request));
    }

    @PatchMapping("/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @Valid @RequestBody Body body,
            HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:update_domain");
        Fields d = body.domain();
        return Map.of("domain", views.domain(domains.update(id, d.name(), d.description(), d.enabled()), request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id) {
        Policy.requireAdmin(caller, "identity:delete_domain");
        domains.delete(id);
    }

    record Body(@NotNull @Valid Fields domain) {
    }

    record Fields(String name, String description, Boolean enabled) {
    }
}
