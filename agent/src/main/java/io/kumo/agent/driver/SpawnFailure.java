package io.kumo.agent.driver;

/**
 * A driver could not build an instance and left nothing of it behind. {@code retryable} says whose fault
 * it is: the host's (another host may succeed, compute-service reschedules) or the request's (the server
 * goes to ERROR with this message, which is shown to its owner as the fault).
 */
public class SpawnFailure extends RuntimeException {

    private final boolean retryable;

    public SpawnFailure(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
