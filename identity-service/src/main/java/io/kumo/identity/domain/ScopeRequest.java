package io.kumo.identity.domain;

/** The scope an authentication asks for. */
public sealed interface ScopeRequest {

    /** No scope in the request: the user's default project if they may use it, else unscoped. */
    record Default() implements ScopeRequest {
    }

    /** Explicitly {@code "scope": "unscoped"}. */
    record Unscoped() implements ScopeRequest {
    }

    record Project(String id, String name, DomainRef domain) implements ScopeRequest {
    }

    record Domain(DomainRef domain) implements ScopeRequest {
    }

    record System() implements ScopeRequest {
    }
}
