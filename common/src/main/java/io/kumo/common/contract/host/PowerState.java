package io.kumo.common.contract.host;

/** Nova's power states, with the numbers its API shows in {@code OS-EXT-STS:power_state}. */
public enum PowerState {
    NOSTATE(0), RUNNING(1), PAUSED(3), SHUTDOWN(4), CRASHED(6), SUSPENDED(7);

    private final int code;

    PowerState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
