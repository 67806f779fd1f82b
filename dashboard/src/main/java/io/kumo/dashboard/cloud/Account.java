package io.kumo.dashboard.cloud;

/** A project or a user as the operator's access page lists it. */
public record Account(String id, String name, String domain, boolean enabled, String description) {
}
