package io.kumo.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.contract.volume.StoragePool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file backend on a real directory of this machine, with its real cp and qemu-img. */
class FileVolumeBackendTest {

    static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    private FileVolumeBackend backend() {
        return new FileVolumeBackend("files", dir, Duration.ofMinutes(1));
    }

    @Test
    void aBlankVolumeIsASparseFileOfItsSizeThatOnlyItsOwnerReads() throws IOException {
        String id = UUID.randomUUID().toString();

        String location = backend().createBlank(id, 2);

        Path file = dir.resolve("volume-" + id);
        assertThat(location).isEqualTo(file.toString());
        assertThat(Files.size(file)).isEqualTo(2 * GIB);
        assertThat(VolumeFiles.allocatedBytes(file)).as("sparse: nothing written").isLessThan(1 << 20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(VolumeFiles.read(file, 0, 16)).isEqualTo(new byte[16]);
        assertThat(backend().location(id)).contains(location);
        assertThat(filesIn(dir)).containsExactly("volume-" + id);
    }

    @Test
    void creatingAVolumeThatExistsLeavesItsContentsAlone() throws IOException {
        String id = UUID.randomUUID().toString();
        FileVolumeBackend backend = backend();
        Path file = Path.of(backend.createBlank(id, 1));
        VolumeFiles.write(file, 4096, "guest data");

        assertThat(backend.createBlank(id, 1)).isEqualTo(file.toString());

        assertThat(VolumeFiles.readString(file, 4096, 10)).isEqualTo("guest data");
    }

    @Test
    void extendingGrowsTheFileKeepingItsDataAndNeverShrinksIt() throws IOException {
        String id = UUID.randomUUID().toString();
        FileVolumeBackend backend = backend();
        Path file = Path.of(backend.createBlank(id, 1));
        VolumeFiles.write(file, GIB - 5, "tail!");

        assertThat(backend.extendVolume(id, 3)).isEqualTo(file.toString());
        assertThat(Files.size(file)).isEqualTo(3 * GIB);
        assertThat(VolumeFiles.readString(file, GIB - 5, 5)).isEqualTo("tail!");
        assertThat(VolumeFiles.allocatedBytes(file)).as("still sparse").isLessThan(1 << 20);

        backend.extendVolume(id, 2);
        assertThat(Files.size(file)).as("a smaller size is no shrink").isEqualTo(3 * GIB);

        assertThatThrownBy(() -> backend.extendVolume(UUID.randomUUID().toString(), 2))
                .isInstanceOf(VolumeFailure.class).hasMessageContaining("does not exist on backend files");
    }

    @Test
    void aVolumeFromASnapshotHasTheSnapshotsBytesWhateverTheSourceDoesLater() throws IOException {
        FileVolumeBackend backend = backend();
        String source = UUID.randomUUID().toString();
        String snapshot = UUID.randomUUID().toString();
        Path sourceFile = Path.of(backend.createBlank(source, 1));
        VolumeFiles.write(sourceFile, 1 << 20, "before the snapshot");

        backend.createSnapshot(source, snapshot);
        VolumeFiles.write(sourceFile, 1 << 20, "after  the snapshot");
        String copy = UUID.randomUUID().toString();
        Path copyFile = Path.of(backend.createFromSnapshot(copy, snapshot, 2));

        assertThat(VolumeFiles.readString(copyFile, 1 << 20, 19)).isEqualTo("before the snapshot");
        assertThat(Files.size(copyFile)).as("grown to the volume's size").isEqualTo(2 * GIB);
        assertThat(VolumeFiles.allocatedBytes(copyFile)).as("the holes kept").isLessThan(4 << 20);

        backend.deleteVolume(source);
        backend.deleteSnapshot(source, snapshot);
        VolumeFiles.write(copyFile, 0, "the copy is its own");
        assertThat(VolumeFiles.readString(copyFile, 1 << 20, 19)).isEqualTo("before the snapshot");
        assertThat(filesIn(dir)).containsExactly("volume-" + copy);
    }

    @Test
    void aCloneHasTheSourceVolumesBytesAndIsIndependentOfIt() throws IOException {
        FileVolumeBackend backend = backend();
        String source = UUID.randomUUID().toString();
        Path sourceFile = Path.of(backend.createBlank(source, 1));
        VolumeFiles.write(sourceFile, 0, "original");

        String clone = UUID.randomUUID().toString();
        Path cloneFile = Path.of(backend.createFromVolume(clone, source, 1));
        VolumeFiles.write(sourceFile, 0, "changed!");

        assertThat(VolumeFiles.readString(cloneFile, 0, 8)).isEqualTo("original");
        assertThat(Files.size(cloneFile)).isEqualTo(GIB);
    }

    @Test
    void aVolumeSmallerThanItsSourceIsRefusedAndLeavesNothing() {
        FileVolumeBackend backend = backend();
        String source = UUID.randomUUID().toString();
        backend.createBlank(source, 2);
        String snapshot = UUID.randomUUID().toString();
        backend.createSnapshot(source, snapshot);
        String target = UUID.randomUUID().toString();

        assertThatThrownBy(() -> backend.createFromSnapshot(target, snapshot, 1)).isInstanceOf(VolumeFailure.class)
                .hasMessage("a volume of 1 GiB cannot hold snapshot " + snapshot + ", which is " + 2 * GIB
                        + " bytes: make it at least 2 GiB");
        assertThat(backend.location(target)).isEmpty();
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("volume-" + source, "snapshot-" + snapshot);
    }

    @Test
    void aMissingSourceIsAnErrorThatSaysWhich() {
        String snapshot = UUID.randomUUID().toString();
        String volume = UUID.randomUUID().toString();

        assertThatThrownBy(() -> backend().createFromSnapshot(UUID.randomUUID().toString(), snapshot, 1))
                .hasMessage("snapshot " + snapshot + " does not exist on backend files");
        assertThatThrownBy(() -> backend().createSnapshot(volume, snapshot))
                .hasMessage("volume " + volume + " does not exist on backend files");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void deletingWhatIsGoneSucceedsAndTakesAPartialFileLeftByACrashAlong() throws IOException {
        FileVolumeBackend backend = backend();
        String id = UUID.randomUUID().toString();
        backend.createBlank(id, 1);
        Files.writeString(dir.resolve("volume-" + id + ".partial"), "left by a crash");

        backend.deleteVolume(id);
        backend.deleteVolume(id);
        backend.deleteSnapshot(id, UUID.randomUUID().toString());

        assertThat(backend.location(id)).isEmpty();
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aPartialFileLeftByACrashIsNeitherAVolumeNorInTheWayOfMakingIt() throws IOException {
        FileVolumeBackend backend = backend();
        String id = UUID.randomUUID().toString();
        Files.writeString(dir.resolve("volume-" + id + ".partial"), "half a volume");

        assertThat(backend.location(id)).isEmpty();
        Path file = Path.of(backend.createBlank(id, 1));

        assertThat(VolumeFiles.read(file, 0, 4)).isEqualTo(new byte[4]);
        assertThat(filesIn(dir)).containsExactly("volume-" + id);
    }

    @Test
    void idsThatAreNotUuidsNeverBecomeFileNames() {
        FileVolumeBackend backend = backend();
        String good = UUID.randomUUID().toString();

        for (String bad : List.of("../../etc/passwd", "x", "", good + "/..", "-rf", good.replace('-', '/'))) {
            assertThatThrownBy(() -> backend.createBlank(bad, 1)).isInstanceOf(VolumeFailure.class)
                    .hasMessageContaining("is not a UUID");
            assertThatThrownBy(() -> backend.createSnapshot(good, bad)).hasMessageContaining("is not a UUID");
            assertThatThrownBy(() -> backend.deleteVolume(bad)).hasMessageContaining("is not a UUID");
            assertThatThrownBy(() -> backend.createFromVolume(good, bad, 1)).hasMessageContaining("is not a UUID");
        }
        assertThatThrownBy(() -> backend.createBlank(null, 1)).hasMessage("volume id (none) is not a UUID");
        assertThatThrownBy(() -> backend.createBlank(good, 0))
                .hasMessage("a volume's size must be at least 1 GiB, not 0");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void upperCaseIdsNameTheSameVolumeAsLowerCaseOnes() {
        FileVolumeBackend backend = backend();
        String id = UUID.randomUUID().toString();

        String location = backend.createBlank(id.toUpperCase(), 1);

        assertThat(location).endsWith("volume-" + id);
        assertThat(backend.location(id)).contains(location);
    }

    @Test
    void theCapacityIsThatOfTheFileSystemUnderTheDirectory() throws IOException {
        StoragePool pool = backend().capacity();

        assertThat(pool.backend()).isEqualTo("files");
        assertThat(pool.driver()).isEqualTo("file");
        assertThat(pool.capacityGb()).isEqualTo(Files.getFileStore(dir).getTotalSpace() >> 30).isPositive();
        assertThat(pool.freeGb()).isBetween(0L, pool.capacityGb());
    }

    @Test
    void aDirectoryThatIsNotThereIsRefusedAtOnce() {
        assertThatThrownBy(() -> new FileVolumeBackend("nfs", dir.resolve("not-mounted"), Duration.ofMinutes(1)))
                .hasMessageContaining("is not an existing directory").hasMessageContaining("not-mounted");
        assertThatThrownBy(() -> new FileVolumeBackend("nfs", Path.of("relative/dir"), Duration.ofMinutes(1)))
                .hasMessageContaining("absolute path");
    }

    static List<String> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
