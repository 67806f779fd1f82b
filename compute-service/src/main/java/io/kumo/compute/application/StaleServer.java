package io.kumo.compute.application;

import io.kumo.common.error.ApiException;
import java.util.function.Supplier;

/**
 * The server changed between reading it and writing it (its compare-and-set failed): thrown to roll the
 * transaction back, so that the request is tried again on the server as it now is.
 */
final class StaleServer extends RuntimeException {

    private static final int MAX_ATTEMPTS = 5;

    StaleServer() {
        super(null, null, false, false);
    }

    /**
     * Runs {@code attempt} (one transaction that reads the server, checks the request against it and writes
     * it) again while the server changed under it — a build or an earlier action moving on — a few times,
     * before the caller gets a 409.
     */
    static <T> T retrying(String serverId, Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (StaleServer e) {
                if (i == MAX_ATTEMPTS) {
                    throw ApiException.conflict("Instance " + serverId + " kept changing while the request ran;"
                            + " retry it.");
                }
            }
        }
    }
}
