package io.kumo.identity.domain;

/** A user named in a request: by id, or by name within a domain. */
public record UserRef(String id, String name, DomainRef domain) {
}
