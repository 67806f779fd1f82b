package io.kumo.dashboard.cloud;

/** An application credential of the user; {@code secret} only in the answer to creating it. */
public record AppCredential(String id, String name, String description, String expiresAt, String secret) {
}
