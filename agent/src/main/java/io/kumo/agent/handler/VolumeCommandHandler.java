package io.kumo.agent.handler;

import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.volume.StorageHost;
import io.kumo.agent.volume.VolumeBackend;
import io.kumo.agent.volume.VolumeFailure;
import io.kumo.agent.volume.VolumeTasks;
import io.kumo.common.contract.volume.VolumeCommand;
import io.kumo.common.contract.volume.VolumeTaskDone;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code VolumeCommand}: runs the task on the backend it names and answers {@code VolumeTaskDone}, confirmed
 * by the broker before the command is acknowledged. Whatever goes wrong with a valid command — a backend this
 * host does not run, a source that is missing, a tool that fails — is the answer's error, never an exception:
 * an exception would only redeliver the command three times and leave it in the dead-letter queue, and
 * volume-service waiting.
 */
public final class VolumeCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(VolumeCommandHandler.class);

    private final StorageHost storage;
    private final VolumeTasks tasks;
    private final HostEvents events;
    private final Clock clock;

    public VolumeCommandHandler(StorageHost storage, VolumeTasks tasks, HostEvents events, Clock clock) {
        this.storage = storage;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /** @param host the host the command was addressed to (its {@code host}, else its routing key) */
    public void handle(VolumeCommand command, String host) {
        log.info("{} {} on {}/{} (request {})", command.task(), command.resourceId(), host, command.backend(),
                command.requestId());
        String location = null;
        String error = null;
        try {
            location = tasks.run(backendFor(command, host), command).orElse(null);
        } catch (VolumeFailure e) {
            error = e.getMessage();
            log.warn("{} {} on {}/{}: {}", command.task(), command.resourceId(), host, command.backend(), error);
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            log.warn("{} {} on {}/{} failed", command.task(), command.resourceId(), host, command.backend(), e);
        }
        boolean sized = error == null && (command.task() == VolumeCommand.Task.CREATE_VOLUME
                || command.task() == VolumeCommand.Task.EXTEND_VOLUME);
        events.publish(List.of(HostEvent.of(new VolumeTaskDone(command.task(), host, command.backend(),
                command.volumeId(), command.snapshotId(), location, error, clock.instant(),
                sized ? command.sizeGb() : 0))));
    }

    private VolumeBackend backendFor(VolumeCommand command, String host) {
        boolean ours = storage.name().equals(host);
        Optional<VolumeBackend> backend = ours ? storage.backend(command.backend()) : Optional.empty();
        return backend.orElseThrow(() -> new VolumeFailure("host " + host + " has no volume backend '"
                + command.backend() + "'" + (ours && storage.isStorageHost()
                        ? " (it has " + String.join(", ", storage.backendNames()) + ")" : "")));
    }
}
