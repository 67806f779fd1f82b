package io.kumo.identity.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Identifier shapes Keystone clients expect. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A resource id: 32 lowercase hex digits, as Keystone's {@code uuid.uuid4().hex}. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A token audit id: 16 random bytes, URL-safe base64 without padding (22 characters). */
    public static String newAuditId() {
        return randomUrlSafe(16);
    }

    /**
     * A secret handed to a program once (application credentials): 48 random bytes. Never one that starts
     * with '-', which command lines would read as an option ({@code --os-application-credential-secret -x…}).
     */
    public static String newSecret() {
        String secret;
        do {
            secret = randomUrlSafe(48);
        } while (secret.startsWith("-"));
        return secret;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
