package io.kumo.identity.domain;

/** Port: one-way hashing of passwords and application-credential secrets (bcrypt in production). */
public interface PasswordHasher {

    String hash(String secret);

    boolean matches(String secret, String hash);
}
