package io.kumo.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.error.ApiException;
import io.kumo.identity.config.IdentityProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class AuthRateLimiterTest {

    @Test
    void allowsTheBurstThenAnswers429PerClientAddress() {
        AuthRateLimiter limiter = new AuthRateLimiter(properties(0.001, 3));
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
        assertThatThrownBy(() -> limiter.acquire("10.0.0.1")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
        limiter.acquire("10.0.0.2");
    }

    @Test
    void zeroTurnsTheLimitOff() {
        AuthRateLimiter limiter = new AuthRateLimiter(properties(0, 1));
        for (int i = 0; i < 100; i++) {
            limiter.acquire("10.0.0.1");
        }
    }

    private static IdentityProperties properties(double perSecond, int burst) {
        return new IdentityProperties(Duration.ofHours(1), 4, 0, new IdentityProperties.Lockout(6, Duration.ofMinutes(30), java.util.List.of()),
                new IdentityProperties.Password(6, 128, "", ""), new IdentityProperties.AuthRateLimit(perSecond, burst),
                new IdentityProperties.Bootstrap(true, "admin", "", "admin", "RegionOne", "service", "",
                        "http://127.0.0.1", Map.of(), "", "", "demo", java.util.List.of()));
    }
}
