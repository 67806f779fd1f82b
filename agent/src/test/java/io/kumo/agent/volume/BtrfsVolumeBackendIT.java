package io.kumo.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.contract.volume.StoragePool;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The btrfs backend on a real btrfs file system: a sparse 6 GiB file formatted and loop-mounted in a temporary
 * directory (needs root, btrfs-progs, qemu-img and a free loop device), unmounted — and its loop device gone —
 * however the tests end.
 */
class BtrfsVolumeBackendIT {

    private static final long GIB = 1L << 30;

    private static Path work;
    private static Path poolFile;
    private static Path mount;
    private static Path dir;
    private static BtrfsVolumeBackend backend;

    @BeforeAll
    static void mountPool() throws IOException {
        work = Files.createTempDirectory("kumo-btrfs-volumes-it");
        poolFile = work.resolve("pool.img");
        try (RandomAccessFile sparse = new RandomAccessFile(poolFile.toFile(), "rw")) {
            sparse.setLength(6 * GIB);
        }
        VolumeFiles.run(List.of("mkfs.btrfs", "-q", poolFile.toString()));
        mount = Files.createDirectories(work.resolve("mnt"));
        VolumeFiles.run(List.of("mount", "-o", "loop", poolFile.toString(), mount.toString()));
        dir = Files.createDirectories(mount.resolve("volumes"));
        backend = new BtrfsVolumeBackend("pool", dir, Duration.ofMinutes(2));
    }

    @AfterAll
    static void unmountPool() {
        if (work == null) {
            return;
        }
        if (VolumeFiles.run(List.of("cat", "/proc/self/mounts")).contains(" " + mount + " ")) {
            VolumeFiles.run(List.of("umount", mount.toString())); // a "-o loop" mount frees its loop device
        }
        VolumeFiles.run(List.of("rm", "-rf", "--one-file-system", work.toString()));
        assertThat(VolumeFiles.run(List.of("losetup", "-a"))).doesNotContain(poolFile.toString());
        assertThat(VolumeFiles.run(List.of("cat", "/proc/self/mounts"))).doesNotContain(work.toString());
    }

    @Test
    void aBlankVolumeIsASparseNocowDiskOfItsSizeInItsOwnSubvolumeLimitedToItsSize() throws IOException {
        String id = UUID.randomUUID().toString();

        String location = backend.createBlank(id, 1);

        Path disk = dir.resolve("volume-" + id).resolve("disk");
        assertThat(location).isEqualTo(disk.toString());
        assertThat(backend.location(id)).contains(location);
        assertThat(Files.size(disk)).isEqualTo(GIB);
        assertThat(VolumeFiles.allocatedBytes(disk)).as("sparse: nothing written").isLessThan(1 << 20);
        assertThat(VolumeFiles.read(disk, 0, 16)).isEqualTo(new byte[16]);
        assertThat(VolumeFiles.run(List.of("lsattr", disk.toString()))).as("NOCOW").matches("(?s)^-*C-*\\s.*");
        assertThat(VolumeFiles.run(List.of("btrfs", "subvolume", "show", dir.resolve("volume-" + id).toString())))
                .contains("Name:", "volume-" + id);
        assertThat(referencedLimit("volume-" + id)).isEqualTo(BtrfsVolumeBackend.quotaOf(GIB));
        assertThat(backend.createBlank(id, 1)).as("made already: nothing to do").isEqualTo(location);
        assertThat(entries()).doesNotContain("volume-" + id + ".partial");
    }

    @Test
    void theQuotaGroupStopsWritesBeyondTheVolumesSize() throws IOException {
        String id = UUID.randomUUID().toString();
        Path disk = Path.of(backend.createBlank(id, 1));

        String filled = dd(disk, 1024, 0);
        String beyond = dd(disk.resolveSibling("more"), 256, 0);

        assertThat(filled).as("the whole disk can be written").doesNotContain("Disk quota exceeded");
        assertThat(beyond).as("a file beside the disk is not room to grow").contains("Disk quota exceeded");
        backend.deleteVolume(id);
    }

    @Test
    void aVolumeFromASnapshotHasTheSnapshotsBytesAfterTheSourceChangedAndItsOwnLimit() throws IOException {
        String source = UUID.randomUUID().toString();
        String snapshot = UUID.randomUUID().toString();
        String copy = UUID.randomUUID().toString();
        Path disk = Path.of(backend.createBlank(source, 1));
        VolumeFiles.write(disk, 4096, "before");

        backend.createSnapshot(source, snapshot);
        VolumeFiles.write(disk, 4096, "after!");
        Path copied = Path.of(backend.createFromSnapshot(copy, snapshot, 2));

        assertThat(VolumeFiles.readString(copied, 4096, 6)).isEqualTo("before");
        assertThat(VolumeFiles.readString(disk, 4096, 6)).isEqualTo("after!");
        assertThat(Files.size(copied)).isEqualTo(2 * GIB);
        assertThat(referencedLimit("volume-" + copy)).isEqualTo(BtrfsVolumeBackend.quotaOf(2 * GIB));
        Path snapshotDisk = dir.resolve("snapshot-" + snapshot).resolve("disk");
        assertThatThrownBy(() -> VolumeFiles.write(snapshotDisk, 0, "x")).as("read-only").isInstanceOf(IOException.class);

        backend.deleteSnapshot(source, snapshot);
        assertThat(VolumeFiles.readString(copied, 4096, 6)).as("a volume outlives its snapshot").isEqualTo("before");
        Stream.of(source, copy).forEach(backend::deleteVolume);
    }

    @Test
    void aCloneHasTheSourcesBytesAndGoesItsOwnWay() throws IOException {
        String source = UUID.randomUUID().toString();
        String clone = UUID.randomUUID().toString();
        Path disk = Path.of(backend.createBlank(source, 1));
        VolumeFiles.write(disk, 0, "original");

        Path cloned = Path.of(backend.createFromVolume(clone, source, 1));
        VolumeFiles.write(cloned, 0, "changed!");

        assertThat(VolumeFiles.readString(disk, 0, 8)).isEqualTo("original");
        assertThat(VolumeFiles.readString(cloned, 0, 8)).isEqualTo("changed!");
        assertThat(referencedLimit("volume-" + clone)).isEqualTo(BtrfsVolumeBackend.quotaOf(GIB));
        Stream.of(source, clone).forEach(backend::deleteVolume);
    }

    @Test
    void extendingGrowsTheDiskAndItsLimitKeepingItsDataAndNeverShrinks() throws IOException {
        String id = UUID.randomUUID().toString();
        Path disk = Path.of(backend.createBlank(id, 1));
        VolumeFiles.write(disk, 100, "kept");

        assertThat(backend.extendVolume(id, 3)).isEqualTo(disk.toString());
        backend.extendVolume(id, 2);

        assertThat(Files.size(disk)).isEqualTo(3 * GIB);
        assertThat(referencedLimit("volume-" + id)).isEqualTo(BtrfsVolumeBackend.quotaOf(3 * GIB));
        assertThat(VolumeFiles.readString(disk, 100, 4)).isEqualTo("kept");
        assertThatThrownBy(() -> backend.extendVolume(UUID.randomUUID().toString(), 2))
                .isInstanceOf(VolumeFailure.class).hasMessageContaining("does not exist on backend pool");
        backend.deleteVolume(id);
    }

    @Test
    void deletingRemovesTheSubvolumeAndItsQuotaGroupAndSucceedsWhenGone() {
        String id = UUID.randomUUID().toString();
        backend.createBlank(id, 1);
        long subvolumeId = Long.parseLong(VolumeFiles.run(List.of("btrfs", "inspect-internal", "rootid",
                dir.resolve("volume-" + id).toString())).strip());

        backend.deleteVolume(id);
        backend.deleteVolume(id);

        assertThat(entries()).doesNotContain("volume-" + id);
        assertThat(backend.location(id)).isEmpty();
        assertThat(VolumeFiles.run(List.of("btrfs", "qgroup", "show", "--raw", mount.toString())))
                .doesNotContainPattern("(?m)^0/" + subvolumeId + "\\s");
    }

    @Test
    void aLeftoverPartialSubvolumeIsStartedAgainAndNeverSeenAsTheVolume() {
        String id = UUID.randomUUID().toString();
        VolumeFiles.run(List.of("btrfs", "subvolume", "create", dir.resolve("volume-" + id + ".partial").toString()));
        assertThat(backend.location(id)).isEmpty();

        backend.createBlank(id, 1);

        assertThat(entries()).contains("volume-" + id).doesNotContain("volume-" + id + ".partial");
        backend.deleteVolume(id);
    }

    @Test
    void aVolumeFromAnImageHoldsItsDiskConvertedToRawAndATooLargeImageLeavesNothing() throws IOException {
        Path raw = work.resolve("image.raw");
        try (RandomAccessFile file = new RandomAccessFile(raw.toFile(), "rw")) {
            file.setLength(64L << 20);
            file.seek(1 << 20);
            file.write("image bytes".getBytes(StandardCharsets.UTF_8));
        }
        Path qcow2 = work.resolve("image.qcow2");
        VolumeFiles.run(List.of("qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw.toString(), qcow2.toString()));
        String id = UUID.randomUUID().toString();

        Path disk = Path.of(backend.createFromImage(id, new ImageFile("img", qcow2, "qcow2", 64L << 20), 1));

        assertThat(Files.size(disk)).isEqualTo(GIB);
        assertThat(VolumeFiles.readString(disk, 1 << 20, 11)).isEqualTo("image bytes");
        assertThat(VolumeFiles.run(List.of("lsattr", disk.toString()))).matches("(?s)^-*C-*\\s.*");
        String tooBig = UUID.randomUUID().toString();
        assertThatThrownBy(() -> backend.createFromImage(tooBig, new ImageFile("big", qcow2, "qcow2", 2 * GIB), 1))
                .isInstanceOf(VolumeFailure.class).hasMessageContaining("make the volume at least 2 GiB");
        assertThat(entries()).noneMatch(name -> name.startsWith("volume-" + tooBig));
        backend.deleteVolume(id);
    }

    @Test
    void capacityIsThePoolsSizeAndFreeSpace() {
        StoragePool pool = backend.capacity();

        assertThat(pool.backend()).isEqualTo("pool");
        assertThat(pool.capacityGb()).isEqualTo(6);
        assertThat(pool.freeGb()).isBetween(1L, 6L);
    }

    @Test
    void aTargetOffBtrfsIsRefusedAtStartUp() throws IOException {
        Path elsewhere = Files.createDirectories(work.resolve("not-btrfs"));
        VolumeFiles.run(List.of("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", elsewhere.toString()));
        try {
            assertThatThrownBy(() -> new BtrfsVolumeBackend("other", elsewhere, Duration.ofMinutes(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("volume backend 'other': " + elsewhere + " is on a tmpfs file system, not btrfs"
                            + " (mount a btrfs file system there, or use driver file)");
        } finally {
            VolumeFiles.run(List.of("umount", elsewhere.toString()));
        }
    }

    /** Writes {@code mib} MiB of zeros into the file from {@code seekMib}; what dd printed, failing or not. */
    private static String dd(Path file, int mib, int seekMib) {
        return VolumeFiles.run(List.of("dd", "if=/dev/zero", "of=" + file, "bs=1M", "count=" + mib, "seek=" + seekMib,
                "conv=notrunc,fsync"), false);
    }

    /** The "max referenced" of the subvolume's quota group, as {@code btrfs qgroup show -re} reports it. */
    private static long referencedLimit(String subvolume) {
        String printed = VolumeFiles.run(List.of("btrfs", "qgroup", "show", "-re", "--raw", mount.toString()));
        return printed.lines().map(line -> line.trim().split("\\s+")).filter(f -> f.length > 4)
                .filter(f -> f[f.length - 1].endsWith(subvolume)).map(f -> Long.parseLong(f[3])).findFirst()
                .orElseThrow(() -> new AssertionError("no quota group for " + subvolume + " in " + printed));
    }

    private static List<String> entries() {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
