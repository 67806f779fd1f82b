package io.kumo.volume.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Cinder's snapshot statuses and which may follow which. */
public enum SnapshotStatus {
    CREATING("creating"), AVAILABLE("available"), DELETING("deleting"), ERROR("error"),
    ERROR_DELETING("error_deleting");

    private static final Map<SnapshotStatus, Set<SnapshotStatus>> NEXT = Map.of(
            CREATING, EnumSet.of(AVAILABLE, ERROR),
            AVAILABLE, EnumSet.of(DELETING),
            DELETING, EnumSet.of(ERROR_DELETING),
            ERROR, EnumSet.of(DELETING),
            ERROR_DELETING, EnumSet.of(DELETING));

    private final String wire;

    SnapshotStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean canBecome(SnapshotStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean deletable() {
        return this == AVAILABLE || this == ERROR || this == ERROR_DELETING;
    }

    public static SnapshotStatus ofWire(String wire) {
        for (SnapshotStatus status : values()) {
            if (status.wire.equals(wire)) {
                return status;
            }
        }
        return null;
    }
}
