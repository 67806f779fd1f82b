package io.kumo.agent.volume;

import io.kumo.common.contract.volume.VolumeCommand;
import io.kumo.common.contract.volume.VolumeSource;
import java.util.Optional;

/**
 * What each {@link VolumeCommand} task means to a backend, in one place, so that every backend gets the same
 * reading of the command: which ids a task needs, that a new volume without a source is blank, and that an
 * image is fetched only for a volume that is not there yet (a redelivered command downloads nothing).
 */
public final class VolumeTasks {

    private final VolumeImages images;

    public VolumeTasks(VolumeImages images) {
        this.images = images;
    }

    /**
     * Does the command's task on the backend.
     *
     * @return the volume's location for CREATE_VOLUME and EXTEND_VOLUME, else empty
     * @throws VolumeFailure (or another runtime exception of a host tool) when it could not be done
     */
    public Optional<String> run(VolumeBackend backend, VolumeCommand command) {
        return switch (command.task()) {
            case CREATE_VOLUME -> Optional.of(create(backend, command));
            case EXTEND_VOLUME -> Optional.of(backend.extendVolume(command.volumeId(), command.sizeGb()));
            case DELETE_VOLUME -> {
                backend.deleteVolume(command.volumeId());
                yield Optional.empty();
            }
            case CREATE_SNAPSHOT -> {
                backend.createSnapshot(command.volumeId(), snapshotOf(command));
                yield Optional.empty();
            }
            case DELETE_SNAPSHOT -> {
                backend.deleteSnapshot(command.volumeId(), snapshotOf(command));
                yield Optional.empty();
            }
        };
    }

    private String create(VolumeBackend backend, VolumeCommand command) {
        VolumeSource source = command.source() == null ? VolumeSource.blank() : command.source();
        String volumeId = command.volumeId();
        int sizeGb = command.sizeGb();
        if (source.kind() == null) {
            throw new VolumeFailure("the source of volume " + volumeId
                    + " names no kind (BLANK, SNAPSHOT, VOLUME or IMAGE)");
        }
        return switch (source.kind()) {
            case BLANK -> backend.createBlank(volumeId, sizeGb);
            case SNAPSHOT -> backend.createFromSnapshot(volumeId, source.id(), sizeGb);
            case VOLUME -> backend.createFromVolume(volumeId, source.id(), sizeGb);
            case IMAGE -> backend.location(volumeId)
                    .orElseGet(() -> backend.createFromImage(volumeId, images.fetch(source.id()), sizeGb));
        };
    }

    private static String snapshotOf(VolumeCommand command) {
        if (command.snapshotId() == null) {
            throw new VolumeFailure(command.task() + " of volume " + command.volumeId() + " names no snapshot");
        }
        return command.snapshotId();
    }
}
