package io.kumo.compute.domain;

/** The API {@code status} from vm_state and task_state, as Nova's state map derives it. */
public final class ServerStatus {

    private ServerStatus() {
    }

    public static String of(VmState vmState, TaskState taskState) {
        if ((vmState == VmState.ACTIVE || vmState == VmState.STOPPED) && taskState == TaskState.REBOOTING_HARD) {
            return "HARD_REBOOT";
        }
        if (taskState == TaskState.REBUILDING && vmState != VmState.DELETED && vmState != VmState.BUILDING) {
            return "REBUILD";
        }
        if (vmState == VmState.ACTIVE && taskState == TaskState.REBOOTING) {
            return "REBOOT";
        }
        return vmState.status();
    }
}
