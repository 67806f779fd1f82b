package io.kumo.identity.api;

import io.kumo.identity.persistence.ApplicationCredential;
import io.kumo.identity.persistence.CatalogService;
import io.kumo.identity.persistence.Domain;
import io.kumo.identity.persistence.Endpoint;
import io.kumo.identity.persistence.Group;
import io.kumo.identity.persistence.Project;
import io.kumo.identity.persistence.ProjectLimit;
import io.kumo.identity.persistence.Region;
import io.kumo.identity.persistence.RegisteredLimit;
import io.kumo.identity.persistence.Role;
import io.kumo.identity.persistence.User;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Keystone's JSON shapes of each resource, key for key (keystone api-ref v3), so clients that parse
 * them strictly — openstack4j, gophercloud, the CLI's column lists — see exactly what Keystone sends.
 */
@Component
class Views {

    private final Links links;

    Views(Links links) {
        this.links = links;
    }

    Map<String, Object> domain(Domain d, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.name());
        m.put("description", d.description() == null ? "" : d.description());
        m.put("enabled", d.enabled());
        m.put("tags", List.of());
        m.put("options", Map.of());
        m.put("links", links.self(request, "/v3/domains/" + d.id()));
        return m;
    }

    Map<String, Object> project(Project p, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("domain_id", p.domainId());
        m.put("description", p.description() == null ? "" : p.description());
        m.put("enabled", p.enabled());
        m.put("parent_id", p.parentId());
        m.put("is_domain", false);
        m.put("tags", new ArrayList<>(new TreeSet<>(p.tags())));
        m.put("options", Map.of());
        m.put("links", links.self(request, "/v3/projects/" + p.id()));
        return m;
    }

    Map<String, Object> user(User u, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("name", u.name());
        m.put("domain_id", u.domainId());
        m.put("enabled", u.enabled());
        if (u.defaultProjectId() != null) {
            m.put("default_project_id", u.defaultProjectId());
        }
        if (u.description() != null) {
            m.put("description", u.description());
        }
        if (u.email() != null) {
            m.put("email", u.email());
        }
        m.put("password_expires_at", null);
        m.put("options", Map.of());
        m.put("links", links.self(request, "/v3/users/" + u.id()));
        return m;
    }

    Map<String, Object> group(Group g, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("name", g.name());
        m.put("domain_id", g.domainId());
        m.put("description", g.description() == null ? "" : g.description());
        m.put("links", links.self(request, "/v3/groups/" + g.id()));
        return m;
    }

    Map<String, Object> role(Role r, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("domain_id", null);
        m.put("description", r.description());
        m.put("options", Map.of());
        m.put("links", links.self(request, "/v3/roles/" + r.id()));
        return m;
    }

    Map<String, Object> region(Region r, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("description", r.description() == null ? "" : r.description());
        m.put("parent_region_id", r.parentRegionId());
        m.put("links", links.self(request, "/v3/regions/" + r.id()));
        return m;
    }

    Map<String, Object> service(CatalogService s, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("type", s.type());
        m.put("name", s.name());
        m.put("description", s.description());
        m.put("enabled", s.enabled());
        m.put("links", links.self(request, "/v3/services/" + s.id()));
        return m;
    }

    Map<String, Object> endpoint(Endpoint e, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("interface", e.iface());
        m.put("region", e.regionId());
        m.put("region_id", e.regionId());
        m.put("service_id", e.serviceId());
        m.put("url", e.url());
        m.put("enabled", e.enabled());
        m.put("links", links.self(request, "/v3/endpoints/" + e.id()));
        return m;
    }

    Map<String, Object> applicationCredential(ApplicationCredential c, List<Role> roles, String secret,
            HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("description", c.description());
        m.put("user_id", c.userId());
        m.put("project_id", c.projectId());
        m.put("expires_at", KeystoneTime.format(c.expiresAt()));
        m.put("unrestricted", c.unrestricted());
        List<Map<String, Object>> roleList = new ArrayList<>();
        for (Role role : roles) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", role.id());
            r.put("name", role.name());
            r.put("domain_id", null);
            roleList.add(r);
        }
        m.put("roles", roleList);
        m.put("access_rules", List.of());
        if (secret != null) {
            m.put("secret", secret);
        }
        m.put("links", links.self(request, "/v3/users/" + c.userId() + "/application_credentials/" + c.id()));
        return m;
    }

    Map<String, Object> registeredLimit(RegisteredLimit l, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("service_id", l.serviceId());
        m.put("region_id", l.regionId());
        m.put("resource_name", l.resourceName());
        m.put("default_limit", l.defaultLimit());
        m.put("description", l.description());
        m.put("links", links.self(request, "/v3/registered_limits/" + l.id()));
        return m;
    }

    Map<String, Object> limit(ProjectLimit l, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("project_id", l.projectId());
        m.put("domain_id", null);
        m.put("service_id", l.serviceId());
        m.put("region_id", l.regionId());
        m.put("resource_name", l.resourceName());
        m.put("resource_limit", l.resourceLimit());
        m.put("description", l.description());
        m.put("links", links.self(request, "/v3/limits/" + l.id()));
        return m;
    }

    /** {"<key>": [...], "links": {...}} */
    Map<String, Object> collection(String key, List<Map<String, Object>> items, HttpServletRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, items);
        m.put("links", links.collection(request));
        return m;
    }
}
