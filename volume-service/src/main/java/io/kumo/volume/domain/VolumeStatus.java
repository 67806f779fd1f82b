package io.kumo.volume.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Cinder's volume statuses and, in one place, which status may follow which. Every change of a volume's
 * status goes through {@link #canBecome}; an operator's {@code os-reset_status} is the one way around it.
 */
public enum VolumeStatus {
    CREATING("creating"), AVAILABLE("available"), ATTACHING("attaching"), IN_USE("in-use"), DETACHING("detaching"),
    EXTENDING("extending"), DELETING("deleting"), ERROR("error"), ERROR_DELETING("error_deleting"),
    ERROR_EXTENDING("error_extending");

    private static final Map<VolumeStatus, Set<VolumeStatus>> NEXT = Map.of(
            CREATING, EnumSet.of(AVAILABLE, ERROR),
            AVAILABLE, EnumSet.of(ATTACHING, IN_USE, EXTENDING, DELETING),
            ATTACHING, EnumSet.of(IN_USE, AVAILABLE),
            IN_USE, EnumSet.of(DETACHING),
            DETACHING, EnumSet.of(AVAILABLE, IN_USE),
            EXTENDING, EnumSet.of(AVAILABLE, ERROR_EXTENDING),
            DELETING, EnumSet.of(ERROR_DELETING),
            ERROR, EnumSet.of(DELETING),
            ERROR_DELETING, EnumSet.of(DELETING),
            ERROR_EXTENDING, EnumSet.of(DELETING));

    /** Statuses a volume may be deleted from (Cinder's list, less the ones Kumo has no use for). */
    private static final Set<VolumeStatus> DELETABLE = EnumSet.of(AVAILABLE, ERROR, ERROR_DELETING, ERROR_EXTENDING);

    /** Statuses in which the storage host is working on the volume (and a deadline runs). */
    private static final Set<VolumeStatus> HOST_TASKS = EnumSet.of(CREATING, EXTENDING, DELETING);

    private final String wire;

    VolumeStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean canBecome(VolumeStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean deletable() {
        return DELETABLE.contains(this);
    }

    public boolean hostTask() {
        return HOST_TASKS.contains(this);
    }

    /** The status {@code wire} names, or null for an unknown one. */
    public static VolumeStatus ofWire(String wire) {
        for (VolumeStatus status : values()) {
            if (status.wire.equals(wire)) {
                return status;
            }
        }
        return null;
    }
}
