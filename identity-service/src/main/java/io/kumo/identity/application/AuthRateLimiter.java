package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.config.IdentityProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address in front of {@code POST /v3/auth/tokens}: password guessing and
 * runaway scripts get 429 instead of eating the CPU that bcrypt needs for everyone else. Behind a load
 * balancer, set {@code server.forward-headers-strategy=native} and
 * {@code server.tomcat.remoteip.internal-proxies} to the balancers' addresses, so the client's address
 * is used — never trust forwarded headers from anyone else, or a client could pick its own bucket.
 */
@Component
public class AuthRateLimiter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final double perSecond;
    private final int burst;
    /** Bounded and self-expiring, so that many source addresses cannot grow it or slow it down. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(MAX_TRACKED_CLIENTS)
            .expireAfterAccess(Duration.ofMinutes(1)).build();

    AuthRateLimiter(IdentityProperties properties) {
        this.perSecond = properties.authRateLimit().perSecond();
        this.burst = properties.authRateLimit().burst();
    }

    public void acquire(String clientAddress) {
        if (perSecond <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (!buckets.get(clientAddress, a -> new Bucket(burst, now)).tryTake(now, perSecond, burst)) {
            throw ApiException.tooManyRequests("Too many authentication requests from " + clientAddress
                    + "; slow down and retry.");
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.updatedNanos = now;
        }

        synchronized boolean tryTake(long now, double perSecond, int burst) {
            tokens = Math.min(burst, tokens + (now - updatedNanos) / 1e9 * perSecond);
            updatedNanos = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
