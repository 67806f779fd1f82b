package io.kumo.dashboard.cloud;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A logged-in user as the dashboard keeps them, server-side in the HTTP session only: the project-scoped
 * token (never sent to the browser), the project, the user's roles in it, the catalog's public endpoints, and
 * the projects they may switch to.
 *
 * @param endpoints catalog type to public URL ({@code compute}, {@code volumev3}, {@code network}, ...)
 */
public record CloudSession(String userId, String userName, String domain, String token, Instant expiresAt,
        Project project, List<String> roles, Map<String, String> endpoints, List<Project> projects)
        implements Serializable {

    public CloudSession {
        roles = List.copyOf(roles);
        endpoints = Map.copyOf(endpoints);
        projects = List.copyOf(projects);
    }

    public record Project(String id, String name) implements Serializable {
    }

    /** Never the token: a session may end up in a log line. */
    @Override
    public String toString() {
        return "CloudSession[user=" + userName + ", project=" + project.name() + ", roles=" + roles + "]";
    }

    public boolean admin() {
        return roles.contains("admin");
    }

    /** The service's public URL, {@code project_id} filled in; null when the catalog has none. */
    public String endpoint(String type) {
        String url = endpoints.get(type);
        return url == null ? null : url.replace("$(project_id)s", project.id()).replace("%(project_id)s",
                project.id());
    }

    /** The same user scoped to another of their projects. */
    public CloudSession rescoped(CloudSession scoped) {
        return new CloudSession(userId, userName, domain, scoped.token(), scoped.expiresAt(), scoped.project(),
                scoped.roles(), scoped.endpoints(), projects);
    }
}
