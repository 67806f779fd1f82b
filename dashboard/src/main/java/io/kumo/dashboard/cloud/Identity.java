package io.kumo.dashboard.cloud;

import static io.kumo.dashboard.cloud.CloudCalls.given;
import static io.kumo.dashboard.cloud.CloudCalls.segment;
import static io.kumo.dashboard.cloud.CloudCalls.text;
import static io.kumo.dashboard.cloud.CloudCalls.typed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * identity-service (Keystone v3) at its catalog address, with the user's token: their application credentials,
 * and for an operator the projects, users and role assignments, the unified limits and the audit log.
 */
public class Identity {

    private static final String SERVICE = "identity";

    private final CloudCalls calls;

    public Identity(CloudCalls calls) {
        this.calls = calls;
    }

    public List<AppCredential> appCredentials(CloudSession session) {
        List<AppCredential> credentials = new ArrayList<>();
        calls.get(session, SERVICE, credentials(session))
                .path("application_credentials").forEach(c -> credentials.add(credential(c)));
        return credentials;
    }

    /** A credential for the session's project and roles; the answer holds its secret, shown this once. */
    public AppCredential createAppCredential(CloudSession session, String name, String description) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("name", typed(name));
        if (given(description)) {
            credential.put("description", description.strip());
        }
        return credential(calls.post(session, SERVICE, credentials(session),
                Map.of("application_credential", credential)).path("application_credential"));
    }

    public void deleteAppCredential(CloudSession session, String id) {
        calls.delete(session, SERVICE, credentials(session) + "/" + segment(id));
    }

    /** Every project (admins only), by name. */
    public List<Account> projects(CloudSession session) {
        List<Account> projects = new ArrayList<>();
        calls.get(session, SERVICE, v3(session) + "/projects").path("projects").forEach(p -> projects.add(new Account(
                text(p, "id"), text(p, "name"), text(p, "domain_id"), p.path("enabled").asBoolean(true),
                text(p, "description"))));
        projects.sort(Comparator.comparing(Account::name));
        return projects;
    }

    /** Every user (admins only), by name; the description is their e-mail when they have one. */
    public List<Account> users(CloudSession session) {
        List<Account> users = new ArrayList<>();
        calls.get(session, SERVICE, v3(session) + "/users").path("users").forEach(u -> users.add(new Account(
                text(u, "id"), text(u, "name"), text(u, "domain_id"), u.path("enabled").asBoolean(true),
                text(u, "email"))));
        users.sort(Comparator.comparing(Account::name));
        return users;
    }

    /** Every role assignment on a project, with names (admins only). */
    public List<RoleAssignment> roleAssignments(CloudSession session) {
        List<RoleAssignment> assignments = new ArrayList<>();
        for (JsonNode a : calls.get(session, SERVICE, v3(session) + "/role_assignments?include_names=true").path(
                "role_assignments")) {
            JsonNode project = a.path("scope").path("project");
            if (project.isMissingNode()) {
                continue;
            }
            JsonNode user = a.path("user");
            assignments.add(new RoleAssignment(text(user, "name") == null ? text(a.path("group"), "name")
                    : text(user, "name"), text(user.path("domain"), "name"), text(a.path("role"), "name"),
                    text(project, "name")));
        }
        assignments.sort(Comparator.comparing(RoleAssignment::project).thenComparing(RoleAssignment::user,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        return assignments;
    }

    /**
     * The unified limits (admins): each registered limit with the projects that override it, by service and
     * resource.
     */
    public List<LimitRow> limits(CloudSession session) {
        Map<String, String> services = new HashMap<>();
        calls.get(session, SERVICE, v3(session) + "/services").path("services").forEach(s -> services.put(text(s, "id"),
                text(s, "type")));
        Map<String, String> projects = new HashMap<>();
        calls.get(session, SERVICE, v3(session) + "/projects").path("projects").forEach(p -> projects.put(text(p, "id"),
                text(p, "name")));
        Map<String, Map<String, Long>> overrides = new HashMap<>();
        calls.get(session, SERVICE, v3(session) + "/limits").path("limits").forEach(l -> {
            if (text(l, "project_id") != null) { // a domain's limit is not a project's override
                overrides.computeIfAbsent(
                text(l, "service_id") + "/" + text(l, "resource_name"), k -> new TreeMap<>()).put(
                        projects.getOrDefault(text(l, "project_id"), text(l, "project_id")), l.path("resource_limit")
                                .asLong());
            }
        });
        List<LimitRow> rows = new ArrayList<>();
        calls.get(session, SERVICE, v3(session) + "/registered_limits").path("registered_limits").forEach(r -> rows.add(
                new LimitRow(services.getOrDefault(text(r, "service_id"), text(r, "service_id")),
                        text(r, "resource_name"), r.path("default_limit").asLong(), overrides.getOrDefault(
                                text(r, "service_id") + "/" + text(r, "resource_name"), Map.of()))));
        rows.sort(Comparator.comparing(LimitRow::service).thenComparing(LimitRow::resource));
        return rows;
    }

    /** A page of the audit log, newest first, with the filters the operator set (blank ones are left out). */
    public AuditPage audit(CloudSession session, Map<String, String> filters, String marker, int limit) {
        StringBuilder query = new StringBuilder("?limit=").append(limit);
        filters.forEach((name, value) -> {
            if (given(value)) {
                query.append('&').append(name).append('=').append(URLEncoder.encode(value.strip(),
                        StandardCharsets.UTF_8));
            }
        });
        if (given(marker)) {
            query.append("&marker=").append(URLEncoder.encode(marker, StandardCharsets.UTF_8));
        }
        JsonNode body = calls.get(session, SERVICE, v3(session) + "/audit-events" + query);
        List<AuditEvent> events = new ArrayList<>();
        body.path("audit_events").forEach(e -> events.add(new AuditEvent(text(e, "id"), text(e, "occurred_at"),
                text(e, "service"), text(e, "action"), text(e, "outcome"), e.path("status").asInt(),
                text(e, "actor_user_id"), text(e, "actor_project_id"), text(e, "target_type"), text(e, "target_id"),
                text(e, "request_id"), text(e, "remote_address"))));
        String next = text(body.path("links"), "next");
        return new AuditPage(events, next == null || events.isEmpty() ? null : events.get(events.size() - 1).id());
    }

    private static String credentials(CloudSession session) {
        return v3(session) + "/users/" + segment(session.userId()) + "/application_credentials";
    }

    /** The catalog's identity URL usually ends in /v3 (Kumo's, devstack's may not): the API's paths follow it. */
    private static String v3(CloudSession session) {
        String url = session.endpoint(SERVICE);
        return url != null && url.replaceAll("/+$", "").endsWith("/v3") ? "" : "/v3";
    }

    private static AppCredential credential(JsonNode c) {
        return new AppCredential(text(c, "id"), text(c, "name"), text(c, "description"), text(c, "expires_at"),
                text(c, "secret"));
    }
}
