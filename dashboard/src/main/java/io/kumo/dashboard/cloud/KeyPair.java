package io.kumo.dashboard.cloud;

/** A key pair of the user; {@code privateKey} only in the answer to generating one, never again. */
public record KeyPair(String name, String fingerprint, String publicKey, String privateKey) {
}
