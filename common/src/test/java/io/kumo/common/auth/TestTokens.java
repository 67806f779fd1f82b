package io.kumo.common.auth;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test-data builder for signed tokens, with its own key pair. */
public final class TestTokens {

    public final String keyId = UUID.randomUUID().toString();
    public final ECPublicKey publicKey;
    private final ECPrivateKey privateKey;
    private final TokenCodec codec = new TokenCodec();

    public TestTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            publicKey = (ECPublicKey) pair.getPublic();
            privateKey = (ECPrivateKey) pair.getPrivate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public SigningKeys keys() {
        return kid -> keyId.equals(kid) ? publicKey : null;
    }

    public TokenClaims claims(String userId, String projectId, Instant issuedAt, String... roles) {
        return new TokenClaims(userId, "default", TokenScope.PROJECT, projectId, null,
                java.util.Arrays.stream(roles).map(r -> new RoleRef("id-" + r, r)).toList(), List.of("password"),
                List.of(UUID.randomUUID().toString().substring(0, 22)), issuedAt, issuedAt.plus(Duration.ofHours(1)),
                null, false);
    }

    public String sign(TokenClaims claims) {
        return codec.sign(claims, keyId, privateKey);
    }
}
