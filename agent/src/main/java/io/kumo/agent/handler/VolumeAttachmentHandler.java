package io.kumo.agent.handler;

import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.AttachedVolume;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.agent.driver.VolumeAttachFailure;
import io.kumo.common.contract.host.VolumeAttachmentCommand;
import io.kumo.common.contract.host.VolumeAttachmentDone;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code VolumeAttachmentCommand}: the driver attaches the volume to the instance or detaches it, and the
 * outcome is answered as {@code VolumeAttachmentDone}, confirmed by the broker before the command is
 * acknowledged. What goes wrong — the volume's file not visible here, a guest that keeps a busy disk, an
 * instance not on this host — is the answer's error, so compute-service gives the volume back (or keeps it
 * attached) instead of waiting.
 */
public final class VolumeAttachmentHandler {

    private static final Logger log = LoggerFactory.getLogger(VolumeAttachmentHandler.class);

    private final HostEvents events;
    private final Clock clock;

    public VolumeAttachmentHandler(HostEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void handle(VolumeAttachmentCommand command, ServedHost host) {
        log.info("{} volume {} {} instance {} as {} (request {})", command.action(), command.volumeId(),
                command.action() == VolumeAttachmentCommand.Action.ATTACH ? "to" : "from", command.instanceUuid(),
                command.device(), command.requestId());
        String error;
        try {
            Optional<InstanceInfo> instance = switch (command.action()) {
                case ATTACH -> host.driver().attachVolume(command.instanceUuid(), attached(command));
                case DETACH -> host.driver().detachVolume(command.instanceUuid(), command.volumeId());
            };
            error = instance.isPresent() ? null : ActionAnswers.notOnHostMessage(command.instanceUuid(), host.name());
        } catch (VolumeAttachFailure e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            log.warn("{} volume {} on instance {} failed", command.action(), command.volumeId(),
                    command.instanceUuid(), e);
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        if (error != null) {
            log.warn("{} volume {} on instance {}: {}", command.action(), command.volumeId(), command.instanceUuid(),
                    error);
        }
        answer(command, host.name(), error);
    }

    /** The command names a host this agent does not serve. */
    public void notServed(VolumeAttachmentCommand command, String host) {
        answer(command, host, "host " + host + " is not served by this agent");
    }

    private void answer(VolumeAttachmentCommand command, String host, String error) {
        events.publish(List.of(HostEvent.of(new VolumeAttachmentDone(command.instanceUuid(), host, command.action(),
                command.volumeId(), command.device(), command.requestId(), error, clock.instant()))));
    }

    private static AttachedVolume attached(VolumeAttachmentCommand command) {
        VolumeAttachmentCommand.VolumeConnection connection = command.connection();
        if (connection == null || connection.devicePath() == null) {
            throw new VolumeAttachFailure("the attach of volume " + command.volumeId() + " names no volume file");
        }
        if (!"local".equals(connection.driverVolumeType())) {
            throw new VolumeAttachFailure("this host cannot reach volumes of type " + connection.driverVolumeType());
        }
        return new AttachedVolume(command.volumeId(), command.device(), connection.devicePath(),
                connection.format() == null ? "raw" : connection.format());
    }
}
