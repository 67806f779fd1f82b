package io.kumo.compute.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A server and its build workflow state. It changes only through a compare-and-set on {@code version}
 * (see ServerRecords), so two messages or requests racing over one server never both win.
 *
 * @param flavor       the flavor as it was at boot (a later change of the flavor does not resize it)
 * @param buildAttempt 1 for the first host, more for reschedules; answers of older attempts are ignored
 * @param availabilityZone the zone it is in: the one asked for, then its host's once placed
 * @param requestedZone    the zone the create asked for (null: any), which every reschedule asks for again
 */
public record Server(String id, String projectId, String userId, String name, String hostname, Flavor flavor,
        String imageId, String hypervisorType, String keyName, String keyData, String userData, boolean configDrive,
        String availabilityZone, int launchIndex, String reservationId, VmState vmState, TaskState taskState,
        int powerState, String host, String providerUuid, int buildAttempt, Instant buildDeadline, String requestId,
        Fault fault, Instant createdAt, Instant updatedAt, Instant launchedAt, Instant terminatedAt, long version,
        Map<String, String> metadata, List<ServerPort> ports, List<String> securityGroups, String requestedZone) {

    public Server {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        ports = ports == null ? List.of() : List.copyOf(ports);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
    }

    public String status() {
        return ServerStatus.of(vmState, taskState);
    }

    public Server withState(VmState vm, TaskState task, int power, Instant now) {
        return new Server(id, projectId, userId, name, hostname, flavor, imageId, hypervisorType, keyName, keyData,
                userData, configDrive, availabilityZone, launchIndex, reservationId, vm, task, power, host,
                providerUuid, buildAttempt, buildDeadline, requestId, fault, createdAt, now, launchedAt, terminatedAt,
                version, metadata, ports, securityGroups, requestedZone);
    }

    public Server renamed(String newName, Instant now) {
        return new Server(id, projectId, userId, newName, hostname, flavor, imageId, hypervisorType, keyName, keyData,
                userData, configDrive, availabilityZone, launchIndex, reservationId, vmState, taskState, powerState,
                host, providerUuid, buildAttempt, buildDeadline, requestId, fault, createdAt, now, launchedAt,
                terminatedAt, version, metadata, ports, securityGroups, requestedZone);
    }

    public Server withMetadata(Map<String, String> newMetadata, Instant now) {
        return new Server(id, projectId, userId, name, hostname, flavor, imageId, hypervisorType, keyName, keyData,
                userData, configDrive, availabilityZone, launchIndex, reservationId, vmState, taskState, powerState,
                host, providerUuid, buildAttempt, buildDeadline, requestId, fault, createdAt, now, launchedAt,
                terminatedAt, version, newMetadata, ports, securityGroups, requestedZone);
    }

    /**
     * Being rebuilt from another image (Nova's rebuild): a new name and metadata when given, the same host,
     * ports and flavor; {@code requestId} is the rebuild's.
     */
    public Server rebuilding(String newImageId, String newName, Map<String, String> newMetadata, Instant now) {
        return new Server(id, projectId, userId, newName == null ? name : newName, hostname, flavor, newImageId,
                hypervisorType, keyName, keyData, userData, configDrive, availabilityZone, launchIndex, reservationId,
                vmState, TaskState.REBUILDING, powerState, host, providerUuid, buildAttempt, buildDeadline, requestId,
                fault, createdAt, now, launchedAt, terminatedAt, version, newMetadata == null ? metadata : newMetadata,
                ports, securityGroups, requestedZone);
    }

    /** Rebuilt and (re)launched: running or, when it was stopped, off; an earlier fault is cleared. */
    public Server rebuilt(VmState vm, int power, Instant now) {
        return new Server(id, projectId, userId, name, hostname, flavor, imageId, hypervisorType, keyName, keyData,
                userData, configDrive, availabilityZone, launchIndex, reservationId, vm, null, power, host,
                providerUuid, buildAttempt, buildDeadline, requestId, null, createdAt, now, now, terminatedAt, version,
                metadata, ports, securityGroups, requestedZone);
    }

    /** On the scheduler's chosen host, in that host's zone (unless the scheduler did not say). */
    public Server placedOn(String newHost, String provider, String hostZone, Instant now) {
        return new Server(id, projectId, userId, name, hostname, flavor, imageId, hypervisorType, keyName, keyData,
                userData, configDrive, hostZone == null ? availabilityZone : hostZone, launchIndex, reservationId, vmState, TaskState.NETWORKING,
                powerState, newHost, provider, buildAttempt, buildDeadline, requestId, fault, createdAt, now,
                launchedAt, terminatedAt, version, metadata, ports, securityGroups, requestedZone);
    }

    /**
     * Back to scheduling for the next attempt, on no host, after a host's retryable failure: in the zone the
     * create asked for, not the failed host's.
     */
    public Server rescheduled(Instant now) {
        return new Server(id, projectId, userId, name, hostname, flavor, imageId, hypervisorType, keyName, keyData,
                userData, configDrive, requestedZone, launchIndex, reservationId, VmState.BUILDING,
                TaskState.SCHEDULING, 0, null, null, buildAttempt + 1, buildDeadline, requestId, null, createdAt, now,
                null, null, version, metadata, ports, securityGroups, requestedZone);
    }

    public Server launched(int power, Instant now) {
        return new Server(id, projectId, userId, name, hostname, flavor, imageId, hypervisorType, keyName, keyData,
                userData, configDrive, availabilityZone, launchIndex, reservationId, VmState.ACTIVE, null, power, host,
                providerUuid, buildAttempt, null, requestId, null, createdAt, now, now, terminatedAt, version, metadata,
                ports, securityGroups, requestedZone);
    }

    public Server failed(Fault newFault, Instant now) {
        return new Server(id, projectId, userId, name, hostname, flavor, imageId, hypervisorType, keyName, keyData,
                userData, configDrive, availabilityZone, launchIndex, reservationId, VmState.ERROR, null, 0, host,
                providerUuid, buildAttempt, null, requestId, newFault, createdAt, now, launchedAt, terminatedAt,
                version, metadata, ports, securityGroups, requestedZone);
    }

    public Server deleted(Instant now) {
        return new Server(id, projectId, userId, name, hostname, flavor, imageId, hypervisorType, keyName, keyData,
                userData, configDrive, availabilityZone, launchIndex, reservationId, VmState.DELETED, null, 0, host,
                providerUuid, buildAttempt, null, requestId, fault, createdAt, now, launchedAt, now, version, metadata,
                ports, securityGroups, requestedZone);
    }
}
