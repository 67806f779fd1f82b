package io.kumo.compute.domain;

/** Nova's vm_state: where a server is at rest, and the API status it shows as. */
public enum VmState {
    BUILDING("building", "BUILD"), ACTIVE("active", "ACTIVE"), STOPPED("stopped", "SHUTOFF"),
    ERROR("error", "ERROR"), DELETED("deleted", "DELETED");

    private final String wire;
    private final String status;

    VmState(String wire, String status) {
        this.wire = wire;
        this.status = status;
    }

    /** The value of {@code OS-EXT-STS:vm_state}. */
    public String wire() {
        return wire;
    }

    /** The API {@code status} at rest (a task in progress can override it, see {@link ServerStatus}). */
    public String status() {
        return status;
    }

    public static VmState ofWire(String wire) {
        for (VmState s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown vm_state " + wire);
    }
}
