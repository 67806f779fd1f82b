package io.kumo.identity.api;

import io.kumo.common.auth.RoleRef;
import io.kumo.common.auth.TokenClaims;
import io.kumo.common.auth.TokenScope;
import io.kumo.identity.application.CatalogEntry;
import io.kumo.identity.application.TokenDetails;
import io.kumo.identity.persistence.Domain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of Keystone's token responses (auth-password-project-scoped-response.json and friends). */
final class TokenView {

    private TokenView() {
    }

    static Map<String, Object> of(TokenDetails details) {
        TokenClaims claims = details.claims();
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("methods", claims.methods());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", details.user().id());
        user.put("name", details.user().name());
        user.put("domain", domain(details.userDomain()));
        user.put("password_expires_at", null);
        token.put("user", user);
        token.put("audit_ids", claims.auditIds());
        token.put("expires_at", KeystoneTime.format(claims.expiresAt()));
        token.put("issued_at", KeystoneTime.format(claims.issuedAt()));
        if (claims.scope() == TokenScope.PROJECT) {
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("id", details.project().id());
            project.put("name", details.project().name());
            project.put("domain", domain(details.projectDomain()));
            token.put("project", project);
            token.put("is_domain", false);
        } else if (claims.scope() == TokenScope.DOMAIN) {
            token.put("domain", domain(details.scopedDomain()));
        } else if (claims.scope() == TokenScope.SYSTEM) {
            token.put("system", Map.of("all", true));
        }
        if (claims.scope() != TokenScope.UNSCOPED) {
            token.put("roles", roles(claims.roles()));
        }
        if (details.applicationCredential() != null) {
            Map<String, Object> credential = new LinkedHashMap<>();
            credential.put("id", details.applicationCredential().id());
            credential.put("name", details.applicationCredential().name());
            credential.put("restricted", !details.applicationCredential().unrestricted());
            token.put("application_credential", credential);
        }
        if (details.catalog() != null) {
            token.put("catalog", catalog(details.catalog()));
        }
        return Map.of("token", token);
    }

    static List<Map<String, Object>> catalog(List<CatalogEntry> entries) {
        List<Map<String, Object>> catalog = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            List<Map<String, Object>> endpoints = new ArrayList<>();
            for (CatalogEntry.CatalogEndpoint e : entry.endpoints()) {
                Map<String, Object> endpoint = new LinkedHashMap<>();
                endpoint.put("id", e.id());
                endpoint.put("interface", e.iface());
                endpoint.put("region", e.regionId());
                endpoint.put("region_id", e.regionId());
                endpoint.put("url", e.url());
                endpoints.add(endpoint);
            }
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("endpoints", endpoints);
            service.put("id", entry.id());
            service.put("type", entry.type());
            service.put("name", entry.name());
            catalog.add(service);
        }
        return catalog;
    }

    private static List<Map<String, Object>> roles(List<RoleRef> roles) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RoleRef role : roles) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", role.id());
            r.put("name", role.name());
            list.add(r);
        }
        return list;
    }

    private static Map<String, Object> domain(Domain domain) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", domain.id());
        d.put("name", domain.name());
        return d;
    }
}
