package io.kumo.image.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Glance's two hashes of image data: {@code checksum} (MD5, legacy) and {@code os_hash_value}
 * (SHA-512). Together they cost more CPU than writing the data, so SHA-512 runs on a second core while
 * the upload thread does MD5 and the write: each chunk's SHA-512 overlaps the next chunk's read.
 * The caller alternates between two buffers: a buffer passed to {@link #update} is read by the hasher
 * until the next call to {@code update} (or to a hex method) returns.
 */
final class DataDigests {

    static final String HASH_ALGO = "sha512";
    private static final ExecutorService HASHERS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread thread = new Thread(runnable, "image-digest");
                thread.setDaemon(true);
                return thread;
            });

    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha512 = digest("SHA-512");
    private Future<?> pending;

    void update(byte[] buffer, int offset, int length) {
        md5.update(buffer, offset, length);
        awaitPending();
        pending = HASHERS.submit(() -> sha512.update(buffer, offset, length));
    }

    String md5Hex() {
        return HexFormat.of().formatHex(md5.digest());
    }

    String sha512Hex() {
        awaitPending();
        return HexFormat.of().formatHex(sha512.digest());
    }

    private void awaitPending() {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing image data", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing image data failed", e.getCause());
        } finally {
            pending = null;
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
