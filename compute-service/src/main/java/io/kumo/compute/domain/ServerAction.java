package io.kumo.compute.domain;

import io.kumo.common.contract.host.ServerCommand;
import io.kumo.common.error.ApiException;
import java.util.Map;
import java.util.Set;

/**
 * What may be done to a server in which state, in one place (Nova's {@code check_instance_state}). An
 * action not allowed is 409 with Nova's message.
 */
public enum ServerAction {
    START("start", Set.of(VmState.STOPPED), TaskState.POWERING_ON, ServerCommand.Action.START,
            "compute_start_instance"),
    STOP("stop", Set.of(VmState.ACTIVE, VmState.ERROR), TaskState.POWERING_OFF, ServerCommand.Action.STOP,
            "compute_stop_instance"),
    REBOOT_SOFT("reboot", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR), TaskState.REBOOTING,
            ServerCommand.Action.REBOOT_SOFT, "compute_reboot_instance"),
    REBOOT_HARD("reboot", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR), TaskState.REBOOTING_HARD,
            ServerCommand.Action.REBOOT_HARD, "compute_reboot_instance"),
    REBUILD("rebuild", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR), TaskState.REBUILDING,
            ServerCommand.Action.REBUILD, "compute_rebuild_instance"),
    DELETE("delete", Set.of(VmState.values()), TaskState.DELETING, ServerCommand.Action.DELETE,
            "compute_terminate_instance");

    /** Tasks an action may interrupt: a delete may stop anything but another delete. */
    private static final Map<ServerAction, Set<TaskState>> INTERRUPTS = Map.of(
            DELETE, Set.of(TaskState.SCHEDULING, TaskState.NETWORKING, TaskState.SPAWNING, TaskState.POWERING_ON,
                    TaskState.POWERING_OFF, TaskState.REBOOTING, TaskState.REBOOTING_HARD,
                    TaskState.REBUILDING));

    private final String novaName;
    private final Set<VmState> allowedFrom;
    private final TaskState task;
    private final ServerCommand.Action command;
    private final String event;

    ServerAction(String novaName, Set<VmState> allowedFrom, TaskState task, ServerCommand.Action command,
            String event) {
        this.novaName = novaName;
        this.allowedFrom = allowedFrom;
        this.task = task;
        this.command = command;
        this.event = event;
    }

    /** The command the server's host carries out. */
    public ServerCommand.Action command() {
        return command;
    }

    /** The instance action's name, as {@code os-instance-actions} shows it. */
    public String novaName() {
        return novaName;
    }

    /** The name of the host's step in the instance action. */
    public String event() {
        return event;
    }

    /** The action a host's answer to a command finishes. */
    public static ServerAction of(ServerCommand.Action command) {
        for (ServerAction action : values()) {
            if (action.command == command) {
                return action;
            }
        }
        throw new IllegalArgumentException("No server action carries out " + command);
    }

    public TaskState task() {
        return task;
    }

    /** 409 in Nova's words unless the action may start from this state. */
    public void check(String serverId, VmState vmState, TaskState taskState) {
        boolean taskAllows = taskState == null || INTERRUPTS.getOrDefault(this, Set.of()).contains(taskState);
        if (!allowedFrom.contains(vmState) || !taskAllows || vmState == VmState.DELETED) {
            throw notAllowed(novaName, serverId, vmState, taskAllows ? null : taskState);
        }
    }

    /** Nova's 409 for an operation a server's state does not allow; {@code task} null blames the vm_state. */
    public static ApiException notAllowed(String operation, String serverId, VmState vmState, TaskState task) {
        return ApiException.conflict("Cannot '" + operation + "' instance " + serverId + " while it is in "
                + (task == null ? "vm_state " + vmState.wire() : "task_state " + task.wire()));
    }
}
