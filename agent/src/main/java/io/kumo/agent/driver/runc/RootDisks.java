package io.kumo.agent.driver.runc;

import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.InstanceStats;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Containers' root filesystems of one kind ({@code ext4} disk images or {@code btrfs} snapshots), each
 * capped at its flavor's disk, its files owned by the container's id range. Every operation is idempotent.
 */
interface RootDisks {

    /** The kind, as instance records name it. */
    String kind();

    /**
     * Makes the instance's root filesystem of {@code sizeBytes} from the image, owned by the id range at
     * {@code idBase}; returns the process the image runs. A root filesystem already there is replaced.
     */
    ContainerProcess create(String uuid, Path instanceDir, long sizeBytes, BuildServer.ImageSpec image, long idBase);

    /** The root filesystem, ready for a container to start on it. */
    Path attach(String uuid, Path instanceDir);

    /** Everything of the root filesystem removed (nothing there is fine). */
    void remove(String uuid, Path instanceDir);

    /** The root disk's I/O; empty when the kind cannot tell one container's from another's. */
    Optional<InstanceStats.Disk> counters(String uuid, Path instanceDir);

    /** Drops what the kind keeps of an image (deleted in image-service); instances keep theirs. */
    default void forgetImage(String imageId) {
    }

    /**
     * The uuids of root filesystems kept outside instance directories (for the orphan reconciler); none by
     * default.
     */
    default List<String> volumes() {
        return List.of();
    }

    /** The agent stops: lets go of what the kind holds on the host while no container uses it. */
    default void close() {
    }
}
