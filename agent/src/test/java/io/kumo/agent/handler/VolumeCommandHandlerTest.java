package io.kumo.agent.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kumo.agent.RecordingHostEvents;
import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.driver.FileImageSource;
import io.kumo.agent.driver.ImageSource;
import io.kumo.agent.volume.FileVolumeBackend;
import io.kumo.agent.volume.StorageHost;
import io.kumo.agent.volume.VolumeImages;
import io.kumo.agent.volume.VolumeTasks;
import io.kumo.common.contract.volume.VolumeCommand;
import io.kumo.common.contract.volume.VolumeCommand.Task;
import io.kumo.common.contract.volume.VolumeSource;
import io.kumo.common.contract.volume.VolumeTaskDone;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volume commands as volume-service sends them, on a file backend in a directory of the test's own. */
class VolumeCommandHandlerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path work;

    private final RecordingHostEvents events = new RecordingHostEvents();
    private final FileImageSource images = new FileImageSource();

    private VolumeCommandHandler handler(Supplier<ImageSource> imageSource) throws IOException {
        StorageHost storage = new StorageHost("store-1", "az-1", List.of(new FileVolumeBackend("files",
                Files.createDirectories(work.resolve("volumes")), Duration.ofMinutes(1))));
        return new VolumeCommandHandler(storage, new VolumeTasks(new VolumeImages(imageSource, work.resolve("images"),
                1L << 30, CLOCK)), events, CLOCK);
    }

    private VolumeCommandHandler handler() throws IOException {
        return handler(() -> images);
    }

    private static VolumeCommand command(Task task, String volumeId, String snapshotId, int sizeGb,
            VolumeSource source) {
        return new VolumeCommand(task, "store-1", "files", volumeId, snapshotId, sizeGb, source, "req-" + task);
    }

    private Path volume(String id) {
        return work.resolve("volumes").resolve("volume-" + id);
    }

    @Test
    void everyTaskOfAVolumesLifeIsAnsweredWithItsOutcomeAndTheVolumesLocation() throws IOException {
        VolumeCommandHandler handler = handler();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String snap = UUID.randomUUID().toString();

        handler.handle(command(Task.CREATE_VOLUME, a, null, 1, null), "store-1");
        handler.handle(command(Task.CREATE_SNAPSHOT, a, snap, 0, null), "store-1");
        handler.handle(command(Task.CREATE_VOLUME, b, null, 2, new VolumeSource(VolumeSource.Kind.SNAPSHOT, snap)),
                "store-1");
        handler.handle(command(Task.CREATE_VOLUME, c, null, 1, new VolumeSource(VolumeSource.Kind.VOLUME, a)),
                "store-1");
        handler.handle(command(Task.EXTEND_VOLUME, c, null, 3, null), "store-1");
        handler.handle(command(Task.DELETE_SNAPSHOT, a, snap, 0, null), "store-1");
        handler.handle(command(Task.DELETE_VOLUME, a, null, 0, null), "store-1");

        assertThat(events.batches()).hasSize(7).allSatisfy(batch -> assertThat(batch).singleElement()
                .extracting(HostEvent::routingKey).isEqualTo(VolumeTaskDone.ROUTING_KEY));
        assertThat(events.payloads(VolumeTaskDone.class)).extracting(VolumeTaskDone::task, VolumeTaskDone::volumeId,
                VolumeTaskDone::snapshotId, VolumeTaskDone::location, VolumeTaskDone::error).containsExactly(
                        tuple(Task.CREATE_VOLUME, a, null, volume(a).toString(), null),
                        tuple(Task.CREATE_SNAPSHOT, a, snap, null, null),
                        tuple(Task.CREATE_VOLUME, b, null, volume(b).toString(), null),
                        tuple(Task.CREATE_VOLUME, c, null, volume(c).toString(), null),
                        tuple(Task.EXTEND_VOLUME, c, null, volume(c).toString(), null),
                        tuple(Task.DELETE_SNAPSHOT, a, snap, null, null),
                        tuple(Task.DELETE_VOLUME, a, null, null, null));
        assertThat(events.payloads(VolumeTaskDone.class)).extracting(VolumeTaskDone::sizeGb)
                .as("creates and extends report the size made").containsExactly(1, 0, 2, 1, 3, 0, 0);
        assertThat(events.payloads(VolumeTaskDone.class)).allSatisfy(done -> {
            assertThat(done.host()).isEqualTo("store-1");
            assertThat(done.backend()).isEqualTo("files");
            assertThat(done.at()).isEqualTo(NOW);
        });
        assertThat(Files.size(volume(b))).isEqualTo(2L << 30);
        assertThat(Files.size(volume(c))).isEqualTo(3L << 30);
        assertThat(volume(a)).doesNotExist();
    }

    @Test
    void aVolumeFromAnImageIsMadeOnceAndARedeliveredCommandDownloadsNothing() throws IOException {
        Path raw = work.resolve("disk.raw");
        try (RandomAccessFile file = new RandomAccessFile(raw.toFile(), "rw")) {
            file.write("kumo image".getBytes(StandardCharsets.UTF_8));
            file.setLength(1 << 20);
        }
        String imageId = UUID.randomUUID().toString();
        images.with(FileImageSource.image(imageId, "raw", Map.of()), raw);
        VolumeCommandHandler handler = handler();
        String id = UUID.randomUUID().toString();
        VolumeCommand create = command(Task.CREATE_VOLUME, id, null, 1,
                new VolumeSource(VolumeSource.Kind.IMAGE, imageId));

        handler.handle(create, "store-1");
        Files.delete(work.resolve("images").resolve(imageId + ".raw")); // a cache the redelivery must not need
        handler.handle(create, "store-1");

        assertThat(events.payloads(VolumeTaskDone.class)).extracting(VolumeTaskDone::location, VolumeTaskDone::error)
                .containsExactly(tuple(volume(id).toString(), null), tuple(volume(id).toString(), null));
        assertThat(images.downloads()).isEqualTo(1);
        assertThat(Files.readString(volume(id), StandardCharsets.ISO_8859_1)).startsWith("kumo image");
        assertThat(Files.size(volume(id))).isEqualTo(1L << 30);
    }

    @Test
    void whatCannotBeDoneIsTheAnswersErrorNeverAnException() throws IOException {
        VolumeCommandHandler handler = handler(() -> {
            throw new IllegalStateException("volumes from images need the agent's service user");
        });
        String id = UUID.randomUUID().toString();
        String missing = UUID.randomUUID().toString();

        handler.handle(command(Task.CREATE_VOLUME, id, null, 1,
                new VolumeSource(VolumeSource.Kind.SNAPSHOT, missing)), "store-1");
        handler.handle(command(Task.CREATE_VOLUME, "../../etc/shadow", null, 1, null), "store-1");
        handler.handle(command(Task.CREATE_SNAPSHOT, id, null, 0, null), "store-1");
        handler.handle(command(Task.CREATE_VOLUME, id, null, 1,
                new VolumeSource(VolumeSource.Kind.IMAGE, UUID.randomUUID().toString())), "store-1");
        handler.handle(new VolumeCommand(Task.DELETE_VOLUME, "store-1", "ceph", id, null, 0, null, "req"), "store-1");
        handler.handle(command(Task.DELETE_VOLUME, id, null, 0, null), "store-2");

        assertThat(events.payloads(VolumeTaskDone.class)).extracting(VolumeTaskDone::location, VolumeTaskDone::error)
                .containsExactly(
                        tuple(null, "snapshot " + missing + " does not exist on backend files"),
                        tuple(null, "volume id '../../etc/shadow' is not a UUID"),
                        tuple(null, "CREATE_SNAPSHOT of volume " + id + " names no snapshot"),
                        tuple(null, "volumes from images need the agent's service user"),
                        tuple(null, "host store-1 has no volume backend 'ceph' (it has files)"),
                        tuple(null, "host store-2 has no volume backend 'files'"));
        assertThat(events.payloads(VolumeTaskDone.class).get(5).host()).isEqualTo("store-2");
        assertThat(work.resolve("volumes")).isEmptyDirectory();
    }
}
