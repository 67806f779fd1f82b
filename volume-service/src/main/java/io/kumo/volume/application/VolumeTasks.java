package io.kumo.volume.application;

import io.kumo.common.contract.volume.VolumeCommand;
import io.kumo.common.contract.volume.VolumeTaskDone;
import io.kumo.common.messaging.jpa.Inbox;
import io.kumo.volume.domain.Snapshot;
import io.kumo.volume.domain.SnapshotStatus;
import io.kumo.volume.domain.Volume;
import io.kumo.volume.domain.VolumeStatus;
import io.kumo.volume.persistence.SnapshotRecords;
import io.kumo.volume.persistence.VolumeRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.ConcurrentModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What storage hosts report back, applied once (inbox) and only to the task it answers: a create makes the
 * volume available (or error), an extend gives it its new size (or error_extending), a delete removes its
 * row (or error_deleting); the same for snapshots. And the watchdog's side: a task its host has not
 * answered by its deadline fails, so nothing stays creating, extending or deleting forever.
 */
@Service
public class VolumeTasks {

    static final String CONSUMER = "volume-tasks";
    private static final Logger log = LoggerFactory.getLogger(VolumeTasks.class);

    private final VolumeRecords volumes;
    private final SnapshotRecords snapshots;
    private final VolumeCommands commands;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    VolumeTasks(VolumeRecords volumes, SnapshotRecords snapshots, VolumeCommands commands, Inbox inbox,
            TransactionTemplate transactions, Clock clock) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.commands = commands;
        this.inbox = inbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void done(String messageId, VolumeTaskDone outcome) {
        transactions.executeWithoutResult(tx -> {
            if (!inbox.firstDelivery(CONSUMER, messageId)) {
                return;
            }
            switch (outcome.task()) {
                case CREATE_VOLUME, EXTEND_VOLUME, DELETE_VOLUME -> volumes.find(outcome.volumeId())
                        .ifPresentOrElse(v -> volumeDone(v, outcome), () -> orphaned(outcome));
                case CREATE_SNAPSHOT, DELETE_SNAPSHOT -> snapshots.find(outcome.snapshotId())
                        .ifPresent(s -> snapshotDone(s, outcome));
                default -> log.warn("Ignoring the outcome of unknown volume task {}", outcome.task());
            }
        });
    }

    /** Fails the tasks past their deadline; answers how many. */
    public int failOverdue() {
        Instant now = clock.instant();
        int failed = 0;
        for (Volume v : volumes.overdue(now, 100)) {
            failed += transactions.execute(tx -> volumes.update(overdue(v, now)) ? 1 : 0);
        }
        for (Snapshot s : snapshots.overdue(now, 100)) {
            SnapshotStatus next = s.status() == SnapshotStatus.DELETING ? SnapshotStatus.ERROR_DELETING
                    : SnapshotStatus.ERROR;
            failed += transactions.execute(tx -> snapshots.update(s.inStatus(next, null,
                    "The storage host did not finish in time.", now)) ? 1 : 0);
        }
        return failed;
    }

    /**
     * A create that finished after its volume was given up (timed out, then deleted): what the host made
     * belongs to nobody, so it is deleted there.
     */
    private void orphaned(VolumeTaskDone outcome) {
        if (outcome.task() == VolumeCommand.Task.CREATE_VOLUME && outcome.succeeded()) {
            log.warn("Volume {} was made on {} after it was given up; deleting it there", outcome.volumeId(),
                    outcome.host());
            commands.deleteOrphan(outcome.host(), outcome.backend(), outcome.volumeId());
        }
    }

    private void volumeDone(Volume v, VolumeTaskDone outcome) {
        if (outcome.task() == VolumeCommand.Task.CREATE_VOLUME && outcome.succeeded()
                && v.status() == VolumeStatus.ERROR && v.host() != null) {
            // the host finished after the deadline failed the volume: it exists after all
            stored(volumes.update(v.made(outcome.location(), clock.instant())), v.id());
            return;
        }
        VolumeStatus expected = switch (outcome.task()) {
            case CREATE_VOLUME -> VolumeStatus.CREATING;
            case EXTEND_VOLUME -> VolumeStatus.EXTENDING;
            default -> VolumeStatus.DELETING;
        };
        if (v.status() != expected) {
            log.info("Volume {} is {}, not {}: the late outcome of {} changes nothing", v.id(), v.status().wire(),
                    expected.wire(), outcome.task());
            return;
        }
        Instant now = clock.instant();
        if (!outcome.succeeded()) {
            VolumeStatus failed = switch (outcome.task()) {
                case CREATE_VOLUME -> VolumeStatus.ERROR;
                case EXTEND_VOLUME -> VolumeStatus.ERROR_EXTENDING;
                default -> VolumeStatus.ERROR_DELETING;
            };
            log.warn("{} of volume {} failed on {}: {}", outcome.task(), v.id(), outcome.host(), outcome.error());
            stored(volumes.update(v.failed(failed, outcome.error(), now)), v.id());
            return;
        }
        switch (outcome.task()) {
            case CREATE_VOLUME -> stored(volumes.update(v.made(outcome.location(), now)), v.id());
            case EXTEND_VOLUME -> stored(volumes.update(v.resized(extendedSize(v, outcome), now)
                    .made(outcome.location() == null ? v.location() : outcome.location(), now)), v.id());
            default -> volumes.delete(v.id());
        }
    }

    private void snapshotDone(Snapshot s, VolumeTaskDone outcome) {
        boolean creating = outcome.task() == VolumeCommand.Task.CREATE_SNAPSHOT;
        SnapshotStatus expected = creating ? SnapshotStatus.CREATING : SnapshotStatus.DELETING;
        if (s.status() != expected) {
            return;
        }
        Instant now = clock.instant();
        if (!outcome.succeeded()) {
            log.warn("{} of snapshot {} failed on {}: {}", outcome.task(), s.id(), outcome.host(), outcome.error());
            stored(snapshots.update(s.inStatus(creating ? SnapshotStatus.ERROR : SnapshotStatus.ERROR_DELETING, null,
                    outcome.error(), now)), s.id());
        } else if (creating) {
            stored(snapshots.update(s.inStatus(SnapshotStatus.AVAILABLE, null, null, now)), s.id());
        } else {
            snapshots.delete(s.id());
        }
    }

    /**
     * An outcome is never dropped because a user renamed the volume meanwhile: a lost compare-and-set rolls
     * the transaction (inbox entry included) back, and the redelivered message is applied to the new row.
     */
    private static void stored(boolean updated, String id) {
        if (!updated) {
            throw new ConcurrentModificationException("Volume or snapshot " + id + " changed while its host's outcome"
                    + " was applied; the outcome will be applied again");
        }
    }

    /** The size the host reports having made; an agent that predates that field reports 0: keep the old size. */
    private static int extendedSize(Volume v, VolumeTaskDone outcome) {
        return outcome.sizeGb() > 0 ? outcome.sizeGb() : v.sizeGb();
    }

    private static Volume overdue(Volume v, Instant now) {
        VolumeStatus failed = switch (v.status()) {
            case EXTENDING -> VolumeStatus.ERROR_EXTENDING;
            case DELETING -> VolumeStatus.ERROR_DELETING;
            default -> VolumeStatus.ERROR;
        };
        return v.failed(failed, "The storage host " + v.host() + " did not finish in time.", now);
    }
}
