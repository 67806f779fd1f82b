package io.kumo.volume.application;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.volume.VolumeCommand;
import io.kumo.common.contract.volume.VolumeSource;
import io.kumo.common.messaging.jpa.Outbox;
import io.kumo.common.web.RequestIds;
import io.kumo.volume.domain.Snapshot;
import io.kumo.volume.domain.Volume;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a volume's storage host what to do, through the outbox: the command leaves if and only if the
 * transaction that changed the volume's status commits.
 */
@Component
public class VolumeCommands {

    private final Outbox outbox;

    VolumeCommands(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void create(Volume v, VolumeSource source) {
        send(v, VolumeCommand.Task.CREATE_VOLUME, null, v.sizeGb(), source);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(Volume v) {
        send(v, VolumeCommand.Task.DELETE_VOLUME, null, v.sizeGb(), null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void extend(Volume v, int newSizeGb) {
        send(v, VolumeCommand.Task.EXTEND_VOLUME, null, newSizeGb, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void createSnapshot(Snapshot s) {
        sendSnapshot(s, VolumeCommand.Task.CREATE_SNAPSHOT);
    }

    /** Sent to the host that keeps the snapshot, whether or not its volume is still there. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteSnapshot(Snapshot s) {
        sendSnapshot(s, VolumeCommand.Task.DELETE_SNAPSHOT);
    }

    private void sendSnapshot(Snapshot s, VolumeCommand.Task task) {
        outbox.publish(Exchanges.HOST_COMMANDS, s.host(), new VolumeCommand(task, s.host(), s.backend(), s.volumeId(),
                s.id(), s.sizeGb(), null, RequestIds.current()));
    }

    /** Deletes a volume the host made for a record that no longer exists. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteOrphan(String host, String backend, String volumeId) {
        outbox.publish(Exchanges.HOST_COMMANDS, host, new VolumeCommand(VolumeCommand.Task.DELETE_VOLUME, host,
                backend, volumeId, null, 0, null, RequestIds.current()));
    }

    private void send(Volume v, VolumeCommand.Task task, String snapshotId, int sizeGb, VolumeSource source) {
        outbox.publish(Exchanges.HOST_COMMANDS, v.host(), new VolumeCommand(task, v.host(), v.backend(), v.id(),
                snapshotId, sizeGb, source, RequestIds.current()));
    }
}
