package io.kumo.agent.volume;

import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.InstanceLocks;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory a backend keeps its volumes and snapshots in, and the way every backend makes one: under a
 * partial name, renamed into place when whole (a rename is atomic within a directory, NFS included) and the
 * directory synced, so a crash or a failed copy never leaves a half volume that a redelivered command would
 * take for a finished one. Tasks on one volume or snapshot run one at a time.
 */
final class BackendDirectory {

    /** Builds a volume or snapshot under its partial name. */
    @FunctionalInterface
    interface Build {
        void into(Path partial) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(BackendDirectory.class);
    private static final String PARTIAL = ".partial";

    private final String backend;
    private final Path dir;
    private final Consumer<Path> discard;
    private final InstanceLocks locks = new InstanceLocks();

    /**
     * @param backend the backend's name, for messages
     * @param discard removes what a partial name holds, if anything (a file, a subvolume), without failing
     */
    BackendDirectory(String backend, Path dir, Consumer<Path> discard) {
        this.backend = backend;
        this.dir = dir;
        this.discard = discard;
    }

    Path volume(String volumeId) {
        return dir.resolve("volume-" + VolumeIds.require("volume", volumeId));
    }

    Path snapshot(String snapshotId) {
        return dir.resolve("snapshot-" + VolumeIds.require("snapshot", snapshotId));
    }

    static Path partialOf(Path target) {
        return target.resolveSibling(target.getFileName() + PARTIAL);
    }

    /** {@code action} while no other task runs on {@code target}. */
    <T> T exclusively(Path target, Supplier<T> action) {
        return locks.withLock(target.toString(), action);
    }

    /**
     * {@code target} made by {@code build} unless {@code exists} finds it there already (a redelivered command):
     * whatever a crash left under the partial name goes first, and whatever a failure leaves goes after.
     */
    void make(Path target, Predicate<Path> exists, Build build) {
        exclusively(target, () -> {
            if (exists.test(target)) {
                log.info("{} on backend {} exists already: nothing to do", target.getFileName(), backend);
                return null;
            }
            Path partial = partialOf(target);
            try {
                discard.accept(partial);
                build.into(partial);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                sync();
                log.info("Made {} on backend {}", target.getFileName(), backend);
                return null;
            } catch (IOException | HostCommands.HostCommandFailed e) {
                throw new VolumeFailure(target.getFileName() + " could not be made on backend " + backend + ": "
                        + e.getMessage(), e);
            } finally {
                discard.accept(partial);
            }
        });
    }

    /** The rename reaches the disk too; a file system that cannot sync a directory keeps it in its journal. */
    private void sync() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("Backend {}: {} could not be synced: {}", backend, dir, e.getMessage());
        }
    }
}
