package io.kumo.identity.application;

import io.kumo.identity.domain.PasswordHasher;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs password and secret hashes on a fixed number of threads (one per core by default). A login
 * storm then queues for the hash instead of time-slicing fifty bcrypt computations at once: each
 * login finishes as early as the CPU allows, and everything else identity answers — token validation,
 * re-scoping, the admin API — keeps a share of the CPU.
 */
public final class BoundedHasher implements PasswordHasher {

    private final PasswordHasher delegate;
    private final ExecutorService threads;

    public BoundedHasher(PasswordHasher delegate, int threads) {
        this.delegate = delegate;
        this.threads = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "password-hash");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String hash(String secret) {
        return await(threads.submit(() -> delegate.hash(secret)));
    }

    @Override
    public boolean matches(String secret, String hash) {
        return await(threads.submit(() -> delegate.matches(secret, hash)));
    }

    private static <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a password hash", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
