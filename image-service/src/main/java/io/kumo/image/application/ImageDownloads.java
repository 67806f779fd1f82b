package io.kumo.image.application;

import io.kumo.common.error.ApiException;
import io.kumo.image.domain.ImageAccess;
import io.kumo.image.domain.ImageStatus;
import io.kumo.image.domain.ImageStore;
import io.kumo.image.persistence.Image;
import io.kumo.image.persistence.ImageMemberRepository;
import io.kumo.image.persistence.ImageRepository;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /v2/images/{id}/file}: which bytes of which stored data a caller may read. Streaming them
 * happens outside any transaction.
 */
@Service
public class ImageDownloads {

    private static final Logger log = LoggerFactory.getLogger(ImageDownloads.class);

    private final ImageRepository images;
    private final ImageMemberRepository members;
    private final ImageStore store;

    ImageDownloads(ImageRepository images, ImageMemberRepository members, ImageStore store) {
        this.images = images;
        this.members = members;
        this.store = store;
    }

    /** The image's data, or null when it has none yet (Glance answers 204). */
    @Transactional(readOnly = true)
    public StoredData find(ImageAccess.Viewer viewer, String id) {
        Image image = ImageLookup.visible(images, viewer, id, members);
        if (image.status() == ImageStatus.DEACTIVATED && !viewer.admin()) {
            throw ApiException.forbidden("The requested image has been deactivated. Image data download is forbidden.");
        }
        if (image.status() != ImageStatus.ACTIVE && image.status() != ImageStatus.DEACTIVATED) {
            return null;
        }
        return new StoredData(image.id(), image.location(), image.size(), image.checksum());
    }

    /** Opens {@code length} bytes from {@code offset}. */
    public InputStream open(StoredData data, long offset, long length) {
        try {
            return store.open(data.location(), offset, length);
        } catch (IOException e) {
            log.error("Could not read the data of image {} at {}", data.imageId(), data.location(), e);
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The image data could not be read from the store.");
        }
    }

    public record StoredData(String imageId, String location, long size, String checksum) {
    }
}
