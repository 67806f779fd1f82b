package io.kumo.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.identity.domain.PasswordHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedHasherTest {

    @Test
    void neverHashesOnMoreThreadsThanItWasGivenAndAnswersEveryCaller() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        PasswordHasher slow = new PasswordHasher() {
            @Override
            public String hash(String secret) {
                return secret;
            }

            @Override
            public boolean matches(String secret, String hash) {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return secret.equals(hash);
            }
        };
        BoundedHasher hasher = new BoundedHasher(slow, 2);
        var requestThreads = java.util.concurrent.Executors.newFixedThreadPool(12); // twelve logins at once
        List<CompletableFuture<Boolean>> callers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String secret = "s" + i;
            String presented = i % 2 == 0 ? secret : "other";
            callers.add(CompletableFuture.supplyAsync(() -> hasher.matches(secret, presented), requestThreads));
        }
        List<Boolean> answers = callers.stream().map(CompletableFuture::join).toList();
        requestThreads.shutdown();
        assertThat(mostAtOnce.get()).isEqualTo(2);
        assertThat(answers).containsExactly(true, false, true, false, true, false, true, false, true, false, true, false);
    }
}
