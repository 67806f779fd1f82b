package io.kumo.identity.api;

import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.Credentials;
import io.kumo.identity.domain.DomainRef;
import io.kumo.identity.domain.ScopeRequest;
import io.kumo.identity.domain.UserRef;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code POST /v3/auth/tokens} bodies in all the shapes clients send (user and project by id or
 * by name in a domain given by id or name; scope as an object or the string "unscoped"), and says
 * exactly what is missing when a body is incomplete.
 */
final class AuthRequestParser {

    private AuthRequestParser() {
    }

    record AuthRequest(Credentials credentials, ScopeRequest scope) {
    }

    static AuthRequest parse(JsonNode body) {
        JsonNode auth = required(body, "auth", "the request body");
        JsonNode identity = required(auth, "identity", "auth");
        JsonNode methods = required(identity, "methods", "identity");
        if (!methods.isArray() || methods.isEmpty()) {
            throw invalid("'methods' must be a non-empty list such as [\"password\"].");
        }
        List<String> names = new ArrayList<>();
        methods.forEach(m -> names.add(text(m)));
        if (names.size() > 1) {
            throw invalid("Only one authentication method per request is supported; got " + names + ".");
        }
        String method = names.get(0);
        Credentials credentials = switch (method) {
            case "password" -> password(required(identity, "password", "identity"));
            case "token" -> new Credentials.Token(text(required(required(identity, "token", "identity"), "id", "token")));
            case "application_credential" -> applicationCredential(required(identity, "application_credential", "identity"));
            default -> throw ApiException.unauthorized("Attempted to authenticate with an unsupported method: " + method + ".");
        };
        return new AuthRequest(credentials, scope(auth.get("scope")));
    }

    private static Credentials password(JsonNode password) {
        JsonNode user = required(password, "user", "password");
        return new Credentials.Password(user(user), text(required(user, "password", "user")));
    }

    private static Credentials applicationCredential(JsonNode node) {
        String secret = text(required(node, "secret", "application_credential"));
        String id = optionalText(node, "id");
        if (id != null) {
            return new Credentials.ApplicationCredential(id, null, null, secret);
        }
        String name = text(required(node, "name", "application_credential"));
        return new Credentials.ApplicationCredential(null, name, user(required(node, "user", "application_credential")),
                secret);
    }

    private static UserRef user(JsonNode user) {
        String id = optionalText(user, "id");
        if (id != null) {
            return new UserRef(id, null, null);
        }
        String name = text(required(user, "name", "user"));
        return new UserRef(null, name, domain(required(user, "domain", "user")));
    }

    private static DomainRef domain(JsonNode domain) {
        String id = optionalText(domain, "id");
        String name = optionalText(domain, "name");
        if (id == null && name == null) {
            throw invalid("Expecting to find id or name in domain.");
        }
        return new DomainRef(id, name);
    }

    private static ScopeRequest scope(JsonNode scope) {
        if (scope == null || scope.isNull()) {
            return new ScopeRequest.Default();
        }
        if (scope.isString()) {
            if (scope.asString().equals("unscoped")) {
                return new ScopeRequest.Unscoped();
            }
            throw invalid("scope must be an object or the string \"unscoped\".");
        }
        if (scope.has("project")) {
            JsonNode project = scope.get("project");
            String id = optionalText(project, "id");
            if (id != null) {
                return new ScopeRequest.Project(id, null, null);
            }
            return new ScopeRequest.Project(null, text(required(project, "name", "project")),
                    domain(required(project, "domain", "project")));
        }
        if (scope.has("domain")) {
            return new ScopeRequest.Domain(domain(scope.get("domain")));
        }
        if (scope.has("system")) {
            return new ScopeRequest.System();
        }
        throw invalid("scope must name a project, a domain or the system.");
    }

    private static JsonNode required(JsonNode node, String field, String in) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw invalid("Expecting to find " + field + " in " + in + ".");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(value);
    }

    private static String text(JsonNode node) {
        if (!node.isString()) {
            throw invalid("Expected a string but got " + node.getNodeType() + ".");
        }
        return node.asString();
    }

    private static ApiException invalid(String detail) {
        return ApiException.badRequest(detail + " The server could not comply with the request since it is either "
                + "malformed or otherwise incorrect. The client is assumed to be in error.");
    }
}
