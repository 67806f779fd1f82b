package io.kumo.compute.domain;

import java.time.Instant;
import java.util.List;

/**
 * One thing done to a server (create, stop, reboot…) by a user under a request id, with the steps that
 * carried it out. {@code message} is "Error" once a step failed, as Nova records it.
 */
public record InstanceAction(String serverId, String action, String requestId, String userId, String projectId,
        String message, Instant startTime, List<Event> events) {

    public InstanceAction {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A step of an action: open until it finishes with {@link #SUCCESS} or {@link #ERROR}. */
    public record Event(String name, String host, Instant startTime, Instant finishTime, String result,
            String traceback) {
    }

    public static final String SUCCESS = "Success";
    public static final String ERROR = "Error";

    /** The conductor asking the scheduler for a host. */
    public static final String SCHEDULE = "conductor_schedule_and_build_instances";
    /** The chosen host building the server. */
    public static final String BUILD = "compute__do_build_and_run_instance";
}
