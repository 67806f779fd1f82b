package io.kumo.dashboard.cloud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * identity-service as the dashboard uses it: a password login, the user's projects, a token scoped to one of
 * them (its catalog tells where the other services are), and the token's revocation at logout.
 */
public class Keystone {

    private final RestClient rest;
    private final String url;

    public Keystone(RestClient rest, String identityUrl) {
        this.rest = rest;
        this.url = identityUrl.endsWith("/") ? identityUrl.substring(0, identityUrl.length() - 1) : identityUrl;
    }

    /**
     * Logs the user in, scoped to their default project when they have one, else to the first of their projects.
     *
     * @throws CloudError 401 with Keystone's message for wrong credentials, 403 when the user has no project
     */
    public CloudSession login(String domain, String user, String password) {
        Map<String, Object> identity = Map.of("methods", List.of("password"), "password", Map.of("user",
                Map.of("name", user, "password", password, "domain", Map.of("name", domain))));
        ResponseEntity<JsonNode> first = issue(Map.of("auth", Map.of("identity", identity)));
        String token = first.getHeaders().getFirst("X-Subject-Token");
        List<CloudSession.Project> projects = projects(token);
        if (projects.isEmpty()) {
            revoke(token);
            throw new CloudError(403, "You are not a member of any project.");
        }
        JsonNode body = first.getBody().get("token");
        String scopedTo = body.path("project").path("id").asString(null);
        CloudSession.Project chosen = projects.stream().filter(p -> p.id().equals(scopedTo)).findFirst()
                .orElse(projects.get(0));
        if (chosen.id().equals(scopedTo)) {
            return session(first, projects);
        }
        // a password login of its own for the project (a token re-scoped from the first would share its
        // revocation chain), and the first token revoked
        CloudSession scoped = session(issue(Map.of("auth", Map.of("identity", identity, "scope", Map.of("project",
                Map.of("id", chosen.id()))))), projects);
        revoke(token);
        return scoped;
    }

    /**
     * A token of the same user scoped to another of their projects, re-scoped from the current one (which stays
     * valid until it expires: revoking it would revoke its re-scoped tokens with it).
     */
    public CloudSession scope(CloudSession current, String projectId) {
        if (current.projects().stream().noneMatch(p -> p.id().equals(projectId))) {
            throw new CloudError(404, "Project " + projectId + " could not be found.");
        }
        ResponseEntity<JsonNode> scoped = issue(Map.of("auth", Map.of("identity", Map.of("methods", List.of("token"),
                "token", Map.of("id", current.token())), "scope", Map.of("project", Map.of("id", projectId)))));
        return current.rescoped(session(scoped, current.projects()));
    }

    /** Revokes the token (logout); one already gone is fine. */
    public void revoke(String token) {
        try {
            rest.delete().uri(url + "/v3/auth/tokens").header("X-Auth-Token", token).header("X-Subject-Token", token)
                    .retrieve().toBodilessEntity();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() != 404) {
                throw error(e);
            }
        } catch (RestClientException e) {
            throw new CloudError(0, "identity-service cannot be reached: " + e.getMessage());
        }
    }

    private List<CloudSession.Project> projects(String token) {
        JsonNode body = call(() -> rest.get().uri(url + "/v3/auth/projects").header("X-Auth-Token", token)
                .retrieve().body(JsonNode.class));
        List<CloudSession.Project> projects = new ArrayList<>();
        body.path("projects").forEach(p -> projects.add(new CloudSession.Project(p.get("id").asString(),
                p.path("name").asString(""))));
        projects.sort(java.util.Comparator.comparing(CloudSession.Project::name));
        return projects;
    }

    private ResponseEntity<JsonNode> issue(Map<String, Object> auth) {
        return call(() -> rest.post().uri(url + "/v3/auth/tokens").body(auth).retrieve().toEntity(JsonNode.class));
    }

    private static CloudSession session(ResponseEntity<JsonNode> issued, List<CloudSession.Project> projects) {
        JsonNode token = issued.getBody().get("token");
        List<String> roles = new ArrayList<>();
        token.path("roles").forEach(r -> roles.add(r.path("name").asString()));
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (JsonNode service : token.path("catalog")) {
            for (JsonNode endpoint : service.path("endpoints")) {
                if ("public".equals(endpoint.path("interface").asString())) {
                    endpoints.put(service.path("type").asString(), endpoint.path("url").asString());
                }
            }
        }
        JsonNode user = token.path("user");
        JsonNode project = token.path("project");
        return new CloudSession(user.path("id").asString(), user.path("name").asString(),
                user.path("domain").path("name").asString("Default"), issued.getHeaders().getFirst("X-Subject-Token"),
                Instant.parse(token.path("expires_at").asString()), new CloudSession.Project(
                        project.path("id").asString(), project.path("name").asString()), roles, endpoints, projects);
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            throw error(e);
        } catch (RestClientException e) {
            throw new CloudError(0, "identity-service cannot be reached: " + e.getMessage());
        }
    }

    static CloudError error(RestClientResponseException e) {
        return new CloudError(e.getStatusCode().value(), CloudCalls.messageOf(e.getResponseBodyAsString(),
                e.getStatusText()));
    }
}
