package io.kumo.common.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;

/**
 * Validates tokens locally, without a call to identity: the signature is checked once per token and
 * the verified claims cached (an ECDSA verification costs far more than a request budget allows), but
 * expiry and revocation are checked on every call, so a revoked token fails at once.
 */
public class TokenValidator {

    private final TokenCodec codec = new TokenCodec();
    private final SigningKeys keys;
    private final RevocationList revocations;
    private final Clock clock;
    private final Cache<String, TokenClaims> verified;

    public TokenValidator(SigningKeys keys, RevocationList revocations, Clock clock, long cacheSize) {
        this.keys = keys;
        this.revocations = revocations;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    public TokenClaims validate(String token) throws InvalidTokenException {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no token");
        }
        TokenClaims claims = verified.getIfPresent(token);
        if (claims == null) {
            claims = codec.verify(token, keys);
            verified.put(token, claims);
        }
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw new InvalidTokenException("expired");
        }
        if (revocations.isRevoked(claims)) {
            throw new InvalidTokenException("revoked");
        }
        return claims;
    }

    public RevocationList revocations() {
        return revocations;
    }
}
