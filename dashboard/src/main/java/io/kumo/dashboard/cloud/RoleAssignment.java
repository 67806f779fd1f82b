package io.kumo.dashboard.cloud;

/** A user's role on a project (names as Keystone includes them). */
public record RoleAssignment(String user, String userDomain, String role, String project) {
}
