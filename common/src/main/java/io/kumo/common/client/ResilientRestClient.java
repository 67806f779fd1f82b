package io.kumo.common.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Base for calls to another Kumo service's public REST API: every call has a deadline, goes through a
 * per-target circuit breaker (a dead service fails fast instead of tying up threads), carries a
 * service token when one is configured, and idempotent reads are retried with backoff. Client errors
 * (4xx) are answers, not failures: they are neither retried nor counted against the breaker.
 */
public class ResilientRestClient {

    private final RestClient rest;
    private final CircuitBreaker breaker;
    private final Retry retry;

    public ResilientRestClient(String targetName, String baseUrl, Duration timeout, ServiceTokenProvider tokens) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(timeout);
        RestClient.Builder builder = RestClient.builder().baseUrl(baseUrl).requestFactory(factory);
        if (tokens != null) {
            builder.requestInterceptor((request, body, execution) -> {
                if (!request.getHeaders().containsHeader("X-Auth-Token")) {
                    request.getHeaders().set("X-Auth-Token", tokens.token());
                }
                return execution.execute(request, body);
            });
        }
        this.rest = builder.build();
        this.breaker = CircuitBreaker.of(targetName, CircuitBreakerConfig.custom()
                .failureRateThreshold(50)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .ignoreExceptions(HttpClientErrorException.class)
                .build());
        this.retry = Retry.of(targetName, RetryConfig.custom()
                .maxAttempts(3)
                .waitDuration(Duration.ofMillis(200))
                .ignoreExceptions(HttpClientErrorException.class)
                .build());
    }

    /** An idempotent read: retried, then guarded by the breaker. */
    public <T> T get(String path, Class<T> type) {
        Supplier<T> call = () -> rest.get().uri(path).retrieve().body(type);
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
    }

    /** An idempotent read on behalf of a user, with the user's own token (what the user may see). */
    public <T> T getAs(String userToken, String path, Class<T> type) {
        Supplier<T> call = () -> rest.get().uri(path).header("X-Auth-Token", userToken).retrieve().body(type);
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
    }

    /** A write on behalf of a user, with the user's own token (the user's project and quota). */
    public <T> T postAs(String userToken, String path, Object body, Class<T> type) {
        return breaker.executeSupplier(() -> rest.post().uri(path).header("X-Auth-Token", userToken).body(body)
                .retrieve().body(type));
    }

    /** A write: never retried blindly, only guarded by the breaker. */
    public <T> T post(String path, Object body, Class<T> type) {
        return breaker.executeSupplier(() -> rest.post().uri(path).body(body).retrieve().body(type));
    }

    /** A replacement: idempotent, so retried like a read, then guarded by the breaker. */
    public <T> T put(String path, Object body, Class<T> type) {
        Supplier<T> call = () -> rest.put().uri(path).body(body).retrieve().body(type);
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
    }

    /** A removal: idempotent on the target's side (a second one finds nothing), so retried. */
    public void delete(String path) {
        Runnable call = () -> rest.delete().uri(path).retrieve().toBodilessEntity();
        Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(breaker, call)).run();
    }
}
