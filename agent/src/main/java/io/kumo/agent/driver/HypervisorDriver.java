package io.kumo.agent.driver;

import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.InstanceStats;
import java.util.List;
import java.util.Optional;

/**
 * What the agent needs from a hypervisor, one instance per host it serves (Nova's {@code ComputeDriver}).
 * The agent is told what to do by messages that can be redelivered, so every operation is idempotent:
 * a spawn of an instance that already exists returns it as it is, a power action is a request for a state
 * rather than a toggle, and destroying an instance that is not there is not an error. Operations on one
 * instance are serialized by the driver; different instances proceed in parallel.
 *
 * <p>Records cross this boundary, never untyped maps, so a new driver can be written against the
 * {@code fake} one as its executable documentation.
 */
public interface HypervisorDriver {

    /** The driver's id as operators configure it ({@code agent.driver}) and the scheduler shows it. */
    String name();

    /** What the scheduler may rely on: hypervisor types (as traits) and inventory. */
    DriverCapabilities capabilities();

    /** What operators see of the hypervisor (type, version, CPU). */
    HypervisorInfo hypervisorInfo();

    /**
     * Creates and starts the instance, or returns the existing one with that uuid unchanged.
     *
     * @throws SpawnFailure when the host could not build it; nothing of it is left behind
     */
    InstanceInfo spawn(BuildServer build);

    /** Powers the instance on; empty when it is not on this host. */
    Optional<InstanceInfo> powerOn(String instanceUuid);

    /** Powers the instance off (an instance already off stays off); empty when it is not on this host. */
    Optional<InstanceInfo> powerOff(String instanceUuid);

    /** Reboots the instance, which runs afterwards even if it was off; empty when it is not on this host. */
    Optional<InstanceInfo> reboot(String instanceUuid, RebootType type);

    /**
     * Rebuilds the instance from {@code server}'s image and config drive (Nova's rebuild): its disk is made
     * anew, it keeps its ports, and it runs afterwards unless {@code leaveStopped}. Empty when it is not on
     * this host.
     *
     * @throws SpawnFailure when the new instance could not be made; the instance is then left powered off
     */
    Optional<InstanceInfo> rebuild(BuildServer server, boolean leaveStopped);

    /** The instance's console log, oldest line first; empty when it is not on this host. */
    Optional<List<String>> consoleLog(String instanceUuid);

    /**
     * What the instance uses now (CPU, memory, disk and network counters, and a container's throttling, OOM
     * kills and processes), for metrics and Nova's server diagnostics; empty when it is not on this host.
     */
    Optional<InstanceStats> stats(String instanceUuid);

    /**
     * Attaches the volume to the instance — a disk hot-plugged into a running VM (and kept in its definition),
     * a file system mounted into a container — and records it with the instance. Attaching a volume that is
     * attached already returns the instance as it is. Empty when the instance is not on this host.
     *
     * @throws VolumeAttachFailure when the host cannot attach it; the instance is left as it was
     */
    Optional<InstanceInfo> attachVolume(String instanceUuid, AttachedVolume volume);

    /**
     * Detaches the volume; detaching one that is not attached returns the instance as it is. Empty when the
     * instance is not on this host.
     *
     * @throws VolumeAttachFailure when the guest keeps the volume (busy); it stays attached
     */
    Optional<InstanceInfo> detachVolume(String instanceUuid, String volumeId);

    /** Destroys the instance and unplugs its ports; returns what was destroyed, empty when nothing was there. */
    Optional<InstanceInfo> destroy(String instanceUuid);

    /** The instances on this host, for operators and reconcilers. */
    List<InstanceInfo> instances();

    /**
     * Guests of this driver on the host that no instance record accounts for — left behind when the agent
     * died in the middle of a delete — by instance uuid, for the orphan reconciler. None by default.
     */
    default List<String> orphans() {
        return List.of();
    }

    /** Removes an orphan's guest and what it holds on the host; nothing when it is no orphan (any more). */
    default void removeOrphan(String instanceUuid) {
    }

    /** Drops the image's cached copy (it was deleted in image-service) unless an instance uses it. None by default. */
    default void forgetImage(String imageId) {
    }

    /** Renders again the firewalls of running instances' ports that the change touches. None by default. */
    default void refreshPortFilters(FirewallChange change) {
    }

    /**
     * The agent stops: the driver lets go of what it holds for itself — guests keep running and are adopted
     * by the next agent. Nothing by default.
     */
    default void close() {
    }

    /** Nova's reboot types: SOFT asks the guest to restart, HARD resets it. */
    enum RebootType {
        SOFT, HARD
    }
}
