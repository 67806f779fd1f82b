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
        Claim claim = transactions.execute(status -> claim(viewer, imageId, declaredSize));
        StagedData staged = receive(claim, data, declaredSize);
        String refusal = DataVerdict.refusal(claim.diskFormat(), claim.containerFormat(), staged.inspection());
        if (refusal != null) {
            staged.upload().abort();
            end(claim, ImageStatus.KILLED);
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, refusal + " The image is killed: delete it.");
        }
        String location = commit(claim, staged);
        boolean activated = Boolean.TRUE.equals(transactions.execute(status -> activate(claim, staged, location)));
        if (!activated) {
            deleteQuietly(location);
            throw ApiException.conflict("Image " + imageId + " was deleted or changed while its data was uploaded.");
        }
    }

    private Claim claim(ImageAccess.Viewer viewer, String imageId, Long declaredSize) {
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
        long remaining = quotas.remainingBytes(image.owner(), 0);
        if (declaredSize != null && declaredSize > remaining) {
            throw ImageQuotas.overLimit(ImageQuotas.IMAGE_SIZE + " (bytes)", declaredSize, remaining);
        }
        String uploadId = UUID.randomUUID().toString();
        long reserved = declaredSize == null ? 0 : declaredSize;
        if (images.claimForUpload(imageId, uploadId, reserved, clock.instant(), ImageStatus.QUEUED,
                ImageStatus.SAVING) != 1) {
            throw ApiException.conflict("Image " + imageId + " is already receiving data.");
        }
        return new Claim(imageId, uploadId, image.owner(), image.diskFormat(), image.containerFormat(),
                remaining);
    }

    /** Streams the body into the store; on any failure, the staged data is gone and the image queued. */
    private StagedData receive(Claim claim, InputStream data, Long declaredSize) {
        ImageStore.StagedUpload upload;
        try {
            upload = store.stage(claim.imageId());
        } catch (IOException e) {
            end(claim, ImageStatus.QUEUED);
            throw storeFailure(e);
        }
        try {
            StagedData staged = copy(claim, data, upload);
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
    private StagedData copy(Claim claim, InputStream data, ImageStore.StagedUpload upload)
            throws ClientGone, IOException {
        DataDigests digests = new DataDigests();
        StreamingInspector inspector = new StreamingInspector();
        byte[][] buffers = {new byte[CHUNK], new byte[CHUNK]};
        long total = 0;
        Instant lastProgress = clock.instant();
        for (int chunk = 0; ; chunk++) {
            byte[] buffer = buffers[chunk % 2];
            int n = readChunk(data, buffer);
            if (n == 0) {
                return new StagedData(upload, total, digests, inspector.finish());
            }
            total += n;
            if (total > claim.remainingQuota()) {
                throw ImageQuotas.overLimit(ImageQuotas.IMAGE_SIZE + " (bytes)", total, claim.remainingQuota());
            }
            digests.update(buffer, 0, n);
            inspector.update(buffer, 0, n);
            upload.write(buffer, 0, n);
            if (clock.instant().isAfter(lastProgress.plus(PROGRESS_EVERY))) {
                lastProgress = progress(claim, total);
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

    private Instant progress(Claim claim, long bytes) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status ->
                images.uploadProgress(claim.imageId(), claim.uploadId(), bytes, now, ImageStatus.SAVING));
        return now;
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

    private record Claim(String imageId, String uploadId, String owner, String diskFormat, String containerFormat,
            long remainingQuota) {
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
