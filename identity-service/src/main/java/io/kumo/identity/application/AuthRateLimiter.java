package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.config.IdentityProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address in front of {@code POST /v3/auth/tokens}: password guessing and
 * runaway scripts get 429 instead of eating the CPU that bcrypt needs for everyone else.
 */
@Component
public class AuthRateLimiter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final double perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    AuthRateLimiter(IdentityProperties properties) {
        this.perSecond = properties.authRateLimit().perSecond();
        this.burst = properties.authRateLimit().burst();
    }

    public void acquire(String clientAddress) {
        if (perSecond <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        if (!buckets.computeIfAbsent(clientAddress, a -> new Bucket(burst, now)).tryTake(now, perSecond, burst)) {
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

        synchronized boolean isFull(long now) {
            return now - updatedNanos > 60_000_000_000L;
        }
    }
}
