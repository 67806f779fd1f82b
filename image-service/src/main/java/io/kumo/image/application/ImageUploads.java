package io.kumo.image.application;

import io.kumo.common.error.ApiException;
import io.kumo.image.domain.DataVerdict;
import io.kumo.image.domain.ImageAccess;
import io.kumo.image.domain.ImageStatus;
import io.kumo.image.domain.ImageStore;
import io.kumo.image.domain.format.Inspection;
import io.kumo.image.domain.format.StreamingInspector;
import io.kumo.image.persistence.Image;
import io.kumo.image.persistence.ImageRepository;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code PUT /v2/images/{id}/file}: claims the image for one upload (queued → saving, so a second
 * upload gets 409), streams the data to the store in fixed-size chunks while hashing and inspecting
 * it, and only then — data verified, durable and within quota — makes the image active. An upload
 * that breaks off leaves no data and the image queued again; data that is not what the image says it
 * is kills the image.
 */
@Service
public class ImageUploads {

    private static final Logger log = LoggerFactory.getLogger(ImageUploads.class);
    static final int CHUNK = 1024 * 1024;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final ImageRepository images;
    private final ImageStore store;
    private final ImageQuotas quotas;
    private final ImageEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImageUploads(ImageRepository images, ImageStore store, ImageQuotas quotas, ImageEvents events,
            PlatformTransactionManager transactions, Clock clock) {
        this.images = images;
        this.store = store;
        this.quotas = quotas;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * @param declaredSize the size the client announced (Content-Length or X-OpenStack-Image-Size),
     *                     or null when it streams without one
     */
    public void upload(ImageAccess.Viewer viewer, String imageId, InputStream data, Long declaredSize) {
        Target target = transactions.execute(status -> target(viewer, imageId));
        long allowed = quotas.remainingBytes(target.owner(), 0); // asks identity: outside any transaction
        if (declaredSize != null && declaredSize > allowed) {
            throw ImageQuotas.overLimit(ImageQuotas.IMAGE_SIZE + " (bytes)", declaredSize, allowed);
        }
        Claim claim = transactions.execute(status -> claim(target, declaredSize));
        StagedData staged = receive(claim, data, declaredSize, allowed);
        String refusal = DataVerdict.refusal(target.diskFormat(), target.containerFormat(), staged.inspection());
        if (refusal != null) {
            staged.upload().abort();
            end(claim, ImageStatus.KILLED);
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, refusal + " The image is killed: delete it.");
        }
        long stillAllowed = quotas.remainingBytes(target.owner(), claim.declaredOrZero());
        if (staged.size() > stillAllowed) {
            throw abandon(claim, staged.upload(),
                    ImageQuotas.overLimit(ImageQuotas.IMAGE_SIZE + " (bytes)", staged.size(), stillAllowed));
        }
        String location = commit(claim, staged);
        boolean activated;
        try {
            activated = Boolean.TRUE.equals(transactions.execute(status -> activate(claim, staged, location)));
        } catch (RuntimeException e) {
            deleteQuietly(location);
            end(claim, ImageStatus.QUEUED);
            throw e;
        }
        if (!activated) {
            deleteQuietly(location);
            throw ApiException.conflict("Image " + imageId + " was deleted or changed while its data was uploaded.");
        }
    }

    /** Who may upload what to which image, read in one short transaction. */
    private Target target(ImageAccess.Viewer viewer, String imageId) {
        Image image = ImageLookup.visible(images, viewer, imageId, null);
        if (!ImageAccess.canModify(viewer, image.owner())) {
            throw ApiException.forbidden("You are not permitted to upload data to image " + imageId + ".");
        }
        if (image.status() != ImageStatus.QUEUED) {
            throw ApiException.conflict("Image status transition from " + image.status().wire()
                    + " to saving is not allowed.");
        }
        if (image.diskFormat() == null || image.containerFormat() == null) {
            throw ApiException.badRequest("Properties disk_format, container_format must be set prior to saving data.");
        }
        return new Target(imageId, image.owner(), image.diskFormat(), image.containerFormat(), image.version());
    }

    /**
     * queued → saving, if the image is still exactly as read: a PATCH of its formats in between would
     * otherwise have the data checked against formats it no longer has.
     */
    private Claim claim(Target target, Long declaredSize) {
        String uploadId = UUID.randomUUID().toString();
        if (images.claimForUpload(target.imageId(), target.version(), uploadId,
                declaredSize == null ? 0 : declaredSize, clock.instant(), ImageStatus.QUEUED, ImageStatus.SAVING) != 1) {
            throw ApiException.conflict("Image " + target.imageId() + " is already receiving data, or changed; retry.");
        }
        return new Claim(target.imageId(), uploadId, target.owner(), declaredSize);
    }

    /** Streams the body into the store; on any failure, the staged data is gone and the image queued. */
    private StagedData receive(Claim claim, InputStream data, Long declaredSize, long allowed) {
        ImageStore.StagedUpload upload;
        try {
            upload = store.stage(claim.imageId());
        } catch (IOException e) {
            end(claim, ImageStatus.QUEUED);
            throw storeFailure(e);
        }
        try {
            StagedData staged = copy(claim, data, upload, allowed);
            if (declaredSize != null && staged.size() != declaredSize) {
                throw ApiException.badRequest("The upload was " + staged.size() + " bytes, not the " + declaredSize
                        + " announced; the image stays queued.");
            }
            return staged;
        } catch (ClientGone e) {
            throw abandon(claim, upload, e.asApiException());
        } catch (IOException e) {
            throw abandon(claim, upload, storeFailure(e));
        } catch (RuntimeException e) {
            throw abandon(claim, upload, e);
        }
    }

    /** Chunk by chunk: quota, digests, inspection, store; two buffers, one filling while one is hashed. */
    private StagedData copy(Claim claim, InputStream data, ImageStore.StagedUpload upload, long allowedAtClaim)
            throws ClientGone, IOException {
        DataDigests digests = new DataDigests();
        StreamingInspector inspector = new StreamingInspector();
        byte[][] buffers = {new byte[CHUNK], new byte[CHUNK]};
        long total = 0;
        long allowed = allowedAtClaim;
        Instant lastProgress = clock.instant();
        for (int chunk = 0; ; chunk++) {
            byte[] buffer = buffers[chunk % 2];
            int n = readChunk(data, buffer);
            if (n == 0) {
                return new StagedData(upload, total, digests, inspector.finish());
            }
            total += n;
            if (total > allowed) {
                throw ImageQuotas.overLimit(ImageQuotas.IMAGE_SIZE + " (bytes)", total, allowed);
            }
            digests.update(buffer, 0, n);
            inspector.update(buffer, 0, n);
            upload.write(buffer, 0, n);
            if (clock.instant().isAfter(lastProgress.plus(PROGRESS_EVERY))) {
                allowed = progress(claim, total);
                lastProgress = clock.instant();
            }
        }
    }

    /** Fills the buffer as far as the client sends; 0 at the end of the data. */
    private static int readChunk(InputStream data, byte[] buffer) throws ClientGone {
        int filled = 0;
        try {
            while (filled < buffer.length) {
                int n = data.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
        } catch (IOException e) {
            throw new ClientGone(e);
        }
        return filled;
    }

    private RuntimeException abandon(Claim claim, ImageStore.StagedUpload upload, RuntimeException reason) {
        upload.abort();
        end(claim, ImageStatus.QUEUED);
        return reason;
    }

    /**
     * Tells the database the upload lives and how much it now reserves, and re-reads the quota (other
     * uploads of the project run too). Returns how many bytes this upload may have in all; an upload
     * that lost its image (deleted, or reset as stalled) stops here.
     */
    private long progress(Claim claim, long bytes) {
        long reserved = Math.max(claim.declaredOrZero(), bytes);
        Integer alive = transactions.execute(status -> images.uploadProgress(claim.imageId(), claim.uploadId(),
                reserved, clock.instant(), ImageStatus.SAVING));
        if (alive == null || alive != 1) {
            throw ApiException.conflict("Image " + claim.imageId() + " was deleted or reset during the upload.");
        }
        return quotas.remainingBytes(claim.owner(), reserved);
    }

    private String commit(Claim claim, StagedData staged) {
        try {
            return staged.upload().commit();
        } catch (IOException e) {
            staged.upload().abort();
            end(claim, ImageStatus.QUEUED);
            throw storeFailure(e);
        }
    }

    private boolean activate(Claim claim, StagedData staged, String location) {
        Instant now = clock.instant();
        Inspection inspection = staged.inspection();
        int won = images.activate(claim.imageId(), claim.uploadId(), staged.size(), inspection.virtualSize(),
                staged.digests().md5Hex(), DataDigests.HASH_ALGO, staged.digests().sha512Hex(), store.id(), location,
                now, ImageStatus.SAVING, ImageStatus.ACTIVE);
        if (won != 1) {
            return false;
        }
        events.activated(images.findById(claim.imageId()).orElseThrow(), now);
        return true;
    }

    private void end(Claim claim, ImageStatus to) {
        try {
            transactions.executeWithoutResult(status ->
                    images.endUpload(claim.imageId(), claim.uploadId(), to, clock.instant(), ImageStatus.SAVING));
        } catch (RuntimeException e) {
            // the stalled-upload reaper puts it back to queued later
            log.error("Could not end the upload of image {}: {}", claim.imageId(), e.toString());
        }
    }

    private void deleteQuietly(String location) {
        try {
            store.delete(location);
        } catch (IOException e) {
            log.warn("Could not delete data at {}: {}", location, e.getMessage());
        }
    }

    private static ApiException storeFailure(IOException e) {
        log.error("Image store failure", e);
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                "The image store could not take the data; the image stays queued. Retry later.");
    }

    private record Target(String imageId, String owner, String diskFormat, String containerFormat, long version) {
    }

    private record Claim(String imageId, String uploadId, String owner, Long declaredSize) {

        long declaredOrZero() {
            return declaredSize == null ? 0 : declaredSize;
        }
    }

    private record StagedData(ImageStore.StagedUpload upload, long size, DataDigests digests, Inspection inspection) {
    }

    /** The client stopped sending mid-upload (connection closed, timed out). */
    private static final class ClientGone extends Exception {
        ClientGone(IOException cause) {
            super(cause);
        }

        ApiException asApiException() {
            return ApiException.badRequest("The upload was interrupted (" + getCause().getMessage()
                    + "); no data was kept and the image is queued again.");
        }
    }

}
