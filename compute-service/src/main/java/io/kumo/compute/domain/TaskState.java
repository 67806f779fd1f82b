package io.kumo.compute.domain;

/** Nova's task_state: what is being done to a server right now ({@code null} when nothing). */
public enum TaskState {
    SCHEDULING("scheduling"), NETWORKING("networking"), SPAWNING("spawning"), POWERING_ON("powering-on"),
    POWERING_OFF("powering-off"), REBOOTING("rebooting"), REBOOTING_HARD("rebooting_hard"), REBUILDING("rebuilding"),
    DELETING("deleting");

    private final String wire;

    TaskState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static TaskState ofWire(String wire) {
        if (wire == null) {
            return null;
        }
        for (TaskState s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown task_state " + wire);
    }
}
