package io.kumo.common.auth;

/** A role carried in a token: its id and name (policy checks use the name). */
public record RoleRef(String id, String name) {
}
