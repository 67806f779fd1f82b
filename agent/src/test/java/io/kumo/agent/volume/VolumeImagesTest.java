package io.kumo.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.agent.driver.FileImageSource;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Volumes from images with this machine's qemu-img: a qcow2 image (made from a raw disk of known bytes) becomes
 * a raw volume with those bytes, and images that do not fit or that would read other files of the host are
 * refused.
 */
class VolumeImagesTest {

    static final long MIB = 1L << 20;

    @TempDir
    Path work;

    private final FileImageSource source = new FileImageSource();

    private VolumeImages images() {
        return new VolumeImages(() -> source, work.resolve("cache"), 1L << 30, Clock.systemUTC());
    }

    private FileVolumeBackend backend() throws IOException {
        return new FileVolumeBackend("files", Files.createDirectories(work.resolve("volumes")), Duration.ofMinutes(1));
    }

    private String image(String diskFormat, Path file) {
        String id = UUID.randomUUID().toString();
        source.with(FileImageSource.image(id, diskFormat, Map.of()), file);
        return id;
    }

    /** A 64 MiB raw disk with text at its start and at 40 MiB, the rest holes. */
    private Path rawDisk() throws IOException {
        Path raw = Files.createTempFile(work, "disk", ".raw");
        VolumeFiles.write(raw, 0, "boot sector of a kumo test image");
        VolumeFiles.write(raw, 40 * MIB, "data far into the disk");
        try (RandomAccessFile file = new RandomAccessFile(raw.toFile(), "rw")) {
            file.setLength(64 * MIB);
        }
        return raw;
    }

    @Test
    void aQcow2ImageBecomesARawVolumeWithItsBytesGrownToTheVolumesSize() throws IOException {
        Path qcow2 = work.resolve("disk.qcow2");
        VolumeFiles.run(List.of("qemu-img", "convert", "-f", "raw", "-O", "qcow2", rawDisk().toString(),
                qcow2.toString()));
        String imageId = image("qcow2", qcow2);

        ImageFile image = images().fetch(imageId);
        assertThat(image.format()).isEqualTo("qcow2");
        assertThat(image.virtualSize()).isEqualTo(64 * MIB);

        String volumeId = UUID.randomUUID().toString();
        Path volume = Path.of(backend().createFromImage(volumeId, image, 1));

        assertThat(Files.size(volume)).isEqualTo(1L << 30);
        assertThat(VolumeFiles.readString(volume, 0, 32)).isEqualTo("boot sector of a kumo test image");
        assertThat(VolumeFiles.readString(volume, 40 * MIB, 22)).isEqualTo("data far into the disk");
        assertThat(VolumeFiles.run(List.of("qemu-img", "info", "--output=json", volume.toString())))
                .contains("\"format\": \"raw\"");
        assertThat(VolumeFiles.allocatedBytes(volume)).as("the image's holes stay holes").isLessThan(8 * MIB);
        assertThat(FileVolumeBackendTest.filesIn(work.resolve("volumes"))).containsExactly("volume-" + volumeId);
    }

    @Test
    void anImageIsDownloadedOnceForManyVolumes() throws IOException {
        String imageId = image("raw", rawDisk());
        VolumeImages images = images();
        FileVolumeBackend backend = backend();

        backend.createFromImage(UUID.randomUUID().toString(), images.fetch(imageId), 1);
        Path second = Path.of(backend.createFromImage(UUID.randomUUID().toString(), images.fetch(imageId), 1));

        assertThat(source.downloads()).isEqualTo(1);
        assertThat(VolumeFiles.readString(second, 40 * MIB, 22)).isEqualTo("data far into the disk");
    }

    @Test
    void anImageLargerThanTheVolumeIsRefusedAndLeavesNoVolume() throws IOException {
        Path big = work.resolve("big.qcow2");
        VolumeFiles.run(List.of("qemu-img", "create", "-q", "-f", "qcow2", big.toString(), "3G"));
        String imageId = image("qcow2", big);
        FileVolumeBackend backend = backend();
        String volumeId = UUID.randomUUID().toString();
        ImageFile image = images().fetch(imageId);

        assertThatThrownBy(() -> backend.createFromImage(volumeId, image, 2)).isInstanceOf(VolumeFailure.class)
                .hasMessage("image " + imageId + " has a virtual size of " + (3L << 30) + " bytes (3 GiB), larger than"
                        + " the volume's 2 GiB: make the volume at least 3 GiB");
        assertThat(FileVolumeBackendTest.filesIn(work.resolve("volumes"))).isEmpty();
    }

    @Test
    void anImageWithABackingFileIsRefusedAndOneDeclaredRawIsCopiedAsBytesNeverFollowed() throws IOException {
        Path secret = work.resolve("host-secret");
        Files.writeString(secret, "a file of the host's that no tenant may read");
        Path evil = work.resolve("evil.qcow2");
        VolumeFiles.run(List.of("qemu-img", "create", "-q", "-f", "qcow2", "-b", secret.toString(), "-F", "raw",
                evil.toString(), "1M"));

        String asQcow2 = image("qcow2", evil);
        assertThatThrownBy(() -> images().fetch(asQcow2)).isInstanceOf(VolumeFailure.class)
                .hasMessage("image " + asQcow2 + " refers to another file (a backing or data file): only self-contained"
                        + " images can become volumes");

        ImageFile asRaw = images().fetch(image("raw", evil));
        Path volume = Path.of(backend().createFromImage(UUID.randomUUID().toString(), asRaw, 1));
        assertThat(VolumeFiles.readString(volume, 0, 3)).as("the qcow2 header, as bytes").isEqualTo("QFI");
        assertThat(Files.readString(evil, StandardCharsets.ISO_8859_1)).contains(secret.toString());
        assertThat(VolumeFiles.readString(volume, 0, 1 << 16)).doesNotContain("no tenant may read");
    }

    @Test
    void aVmdkOfSeveralFilesAndAFormatWithoutADiskAreRefusedButASparseVmdkIsTaken() throws IOException {
        Path flat = work.resolve("flat.vmdk");
        VolumeFiles.run(List.of("qemu-img", "create", "-q", "-f", "vmdk", "-o", "subformat=monolithicFlat",
                flat.toString(), "1M"));
        String vmdk = image("vmdk", flat);
        String kernel = image("aki", rawDisk());
        Path sparse = work.resolve("sparse.vmdk");
        VolumeFiles.run(List.of("qemu-img", "convert", "-f", "raw", "-O", "vmdk", "-o", "subformat=streamOptimized",
                rawDisk().toString(), sparse.toString()));

        assertThatThrownBy(() -> images().fetch(vmdk))
                .hasMessage("image " + vmdk + " is a vmdk descriptor naming other files: only monolithicSparse and"
                        + " streamOptimized can become volumes");
        assertThat(images().fetch(image("vmdk", sparse)).virtualSize()).isEqualTo(64 * MIB);
        assertThatThrownBy(() -> images().fetch(kernel)).hasMessage("image " + kernel + " has disk_format 'aki', which"
                + " holds no disk a volume can be made of (iso, qcow2, raw, vdi, vhd, vhdx, vmdk)");
    }

    @Test
    void aFileThatIsNotTheDeclaredFormatIsRefused() throws IOException {
        String imageId = image("qcow2", rawDisk());

        assertThatThrownBy(() -> images().fetch(imageId)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("qemu-img").hasMessageContaining("qcow2");
    }

    @Test
    void theImageSourceIsOnlyAskedForWhenAnImageIsNeeded() {
        VolumeImages images = new VolumeImages(() -> {
            throw new IllegalStateException("no service user");
        }, work.resolve("cache"), 1L << 30, Clock.systemUTC());

        assertThatThrownBy(() -> images.fetch(UUID.randomUUID().toString())).hasMessage("no service user");
        assertThatThrownBy(() -> images.fetch("../etc")).hasMessage("image id '../etc' is not a UUID");
    }
}
