package io.kumo.compute.application;

import io.kumo.common.lifecycle.BackgroundLoop;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every little while, the volumes of deleted servers that volume-service could not be told of when their
 * server went (it was down) are given back, so a volume never stays in-use on a server that is gone; and an
 * attach or detach its host has not answered for two minutes is sent again, so none stays attaching or
 * detaching for good.
 */
public class AttachmentWatchdog extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(AttachmentWatchdog.class);

    /** How long a host has to answer an attach or detach before it is sent again. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(2);

    private final VolumeAttachments attachments;
    private final Duration interval;

    public AttachmentWatchdog(VolumeAttachments attachments, Duration interval) {
        super("attachment-watchdog");
        this.attachments = attachments;
        this.interval = interval;
    }

    @Override
    protected void step() throws InterruptedException {
        Thread.sleep(interval.toMillis());
        int released = attachments.releaseOfDeletedServers();
        if (released > 0) {
            log.warn("{} volume(s) of deleted servers were given back to volume-service late", released);
        }
        int resent = attachments.resendUnanswered(RESEND_AFTER);
        if (resent > 0) {
            log.warn("{} attach(es) or detach(es) unanswered for {} were sent to their hosts again", resent,
                    RESEND_AFTER);
        }
    }
}
