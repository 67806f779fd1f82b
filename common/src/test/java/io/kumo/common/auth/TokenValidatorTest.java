package io.kumo.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.contract.identity.TokensRevoked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenValidatorTest {

    private final TestTokens tokens = new TestTokens();
    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final MutableClock clock = new MutableClock(now);
    private final RevocationList revocations = new RevocationList();
    private final TokenValidator validator = new TokenValidator(tokens.keys(), revocations, clock, 1000);

    @Test
    void acceptsAValidTokenAndReturnsItsClaims() throws Exception {
        TokenClaims claims = tokens.claims("u1", "p1", now, "member", "reader");
        TokenClaims validated = validator.validate(tokens.sign(claims));
        assertThat(validated).isEqualTo(claims);
        assertThat(validated.hasRole("member")).isTrue();
        assertThat(validated.hasRole("admin")).isFalse();
    }

    @Test
    void rejectsATamperedToken() {
        String token = tokens.sign(tokens.claims("u1", "p1", now, "member"));
        String[] parts = token.split("\\.");
        String forged = tokens.sign(tokens.claims("u1", "p1", now, "admin")).split("\\.")[1];
        assertThatThrownBy(() -> validator.validate(parts[0] + "." + forged + "." + parts[2]))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> validator.validate(token.substring(0, token.length() - 4) + "AAAA"))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> validator.validate("not-a-token")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() {
        TestTokens other = new TestTokens();
        String token = other.sign(other.claims("u1", "p1", now, "admin"));
        assertThatThrownBy(() -> validator.validate(token)).hasMessageContaining("unknown signing key");
    }

    @Test
    void rejectsAnExpiredTokenEvenWhenItWasCached() throws Exception {
        String token = tokens.sign(tokens.claims("u1", "p1", now, "member"));
        validator.validate(token);
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> validator.validate(token)).hasMessage("expired");
    }

    @Test
    void revocationAppliesToCachedTokensAtOnce() throws Exception {
        TokenClaims claims = tokens.claims("u1", "p1", now, "member");
        String token = tokens.sign(claims);
        validator.validate(token);
        revocations.apply(event(claims.auditId(), null, null, now));
        assertThatThrownBy(() -> validator.validate(token)).hasMessage("revoked");
    }

    @Test
    void userRevocationKillsOlderTokensButNotNewerOnes() throws Exception {
        String old = tokens.sign(tokens.claims("u1", "p1", now, "member"));
        revocations.apply(event(null, "u1", null, now.plusMillis(5)));
        String fresh = tokens.sign(tokens.claims("u1", "p1", now.plusMillis(6), "member"));
        String otherUser = tokens.sign(tokens.claims("u2", "p1", now, "member"));
        assertThatThrownBy(() -> validator.validate(old)).hasMessage("revoked");
        assertThat(validator.validate(fresh).userId()).isEqualTo("u1");
        assertThat(validator.validate(otherUser).userId()).isEqualTo("u2");
    }

    @Test
    void userOnProjectRevocationLeavesTheUsersOtherProjectsAlone() throws Exception {
        String onP1 = tokens.sign(tokens.claims("u1", "p1", now, "member"));
        String onP2 = tokens.sign(tokens.claims("u1", "p2", now, "member"));
        revocations.apply(event(null, "u1", "p1", now));
        assertThatThrownBy(() -> validator.validate(onP1)).hasMessage("revoked");
        assertThat(validator.validate(onP2).projectId()).isEqualTo("p2");
    }

    @Test
    void pruningForgetsOnlyEventsOlderThanTheHorizon() {
        revocations.apply(event("a1", null, null, now.minus(Duration.ofHours(2))));
        revocations.apply(event("a2", null, null, now));
        revocations.pruneIssuedBefore(now.minus(Duration.ofHours(1)));
        assertThat(revocations.size()).isEqualTo(1);
    }

    private static TokensRevoked event(String auditId, String userId, String projectId, Instant issuedBefore) {
        return new TokensRevoked("e", auditId, userId, projectId, null, null, issuedBefore, issuedBefore);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
