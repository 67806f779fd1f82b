package io.kumo.identity.domain;

/** A domain named in a request, by id or by name. */
public record DomainRef(String id, String name) {
}
