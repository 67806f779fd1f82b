package io.kumo.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JwksSigningKeysTest {

    private final TestTokens tokens = new TestTokens();
    private final String document = new JWKSet(new ECKey.Builder(Curve.P_256, tokens.publicKey).keyID(tokens.keyId)
            .build()).toString();

    @Test
    void requestsArrivingDuringARefetchWaitForItInsteadOfFailing() {
        AtomicInteger fetches = new AtomicInteger();
        JwksSigningKeys keys = new JwksSigningKeys(() -> {
            fetches.incrementAndGet();
            sleep(300); // identity is slow to answer
            return document;
        }, Clock.systemUTC(), Duration.ofSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Object>> lookups = java.util.stream.IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> (Object) keys.publicKey(tokens.keyId), pool))
                .toList();
        assertThat(lookups.stream().map(CompletableFuture::join)).as("every request finds the new key")
                .allSatisfy(key -> assertThat(key).isEqualTo(tokens.publicKey));
        assertThat(fetches.get()).as("one refetch for all of them").isEqualTo(1);
        pool.shutdown();
    }

    @Test
    void unknownKeyIdsRefetchAtMostOncePerInterval() {
        AtomicInteger fetches = new AtomicInteger();
        JwksSigningKeys keys = new JwksSigningKeys(() -> {
            fetches.incrementAndGet();
            return document;
        }, Clock.systemUTC(), Duration.ofSeconds(30));
        for (int i = 0; i < 100; i++) {
            assertThat(keys.publicKey("forged-" + i)).isNull();
        }
        assertThat(fetches.get()).isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
