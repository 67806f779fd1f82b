package io.kumo.compute.domain;

import io.kumo.common.error.ApiException;
import java.util.Map;
import java.util.Set;

/**
 * What may be done to a server in which state, in one place (Nova's {@code check_instance_state}). An
 * action not allowed is 409 with Nova's message.
 */
public enum ServerAction {
    START("start", Set.of(VmState.STOPPED), TaskState.POWERING_ON),
    STOP("stop", Set.of(VmState.ACTIVE, VmState.ERROR), TaskState.POWERING_OFF),
    REBOOT_SOFT("reboot", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR), TaskState.REBOOTING),
    REBOOT_HARD("reboot", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR), TaskState.REBOOTING_HARD),
    DELETE("delete", Set.of(VmState.values()), TaskState.DELETING);

    /** Tasks an action may interrupt: a delete may stop anything but another delete. */
    private static final Map<ServerAction, Set<TaskState>> INTERRUPTS = Map.of(
            DELETE, Set.of(TaskState.SCHEDULING, TaskState.NETWORKING, TaskState.SPAWNING, TaskState.POWERING_ON,
                    TaskState.POWERING_OFF, TaskState.REBOOTING, TaskState.REBOOTING_HARD));

    private final String novaName;
    private final Set<VmState> allowedFrom;
    private final TaskState task;

    ServerAction(String novaName, Set<VmState> allowedFrom, TaskState task) {
        this.novaName = novaName;
        this.allowedFrom = allowedFrom;
        this.task = task;
    }

    public TaskState task() {
        return task;
    }

    /** 409 in Nova's words unless the action may start from this state. */
    public void check(String serverId, VmState vmState, TaskState taskState) {
        boolean taskAllows = taskState == null || INTERRUPTS.getOrDefault(this, Set.of()).contains(taskState);
        if (!allowedFrom.contains(vmState) || !taskAllows || vmState == VmState.DELETED) {
            throw ApiException.conflict("Cannot '" + novaName + "' instance " + serverId + " while it is in "
                    + (taskAllows ? "vm_state " + vmState.wire() : "task_state " + taskState.wire()));
        }
    }
}
