package io.kumo.image.application;

import io.kumo.image.domain.ImageStore;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Removes an image's data once the deletion of its record committed: never before (a rollback would
 * leave a record without data), and a failure only leaves an orphaned file, never a broken image.
 */
@Component
class ImageDataRemover {

    private static final Logger log = LoggerFactory.getLogger(ImageDataRemover.class);

    private final ImageStore store;

    ImageDataRemover(ImageStore store) {
        this.store = store;
    }

    void afterCommit(String location) {
        if (location == null) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    store.delete(location);
                } catch (IOException | RuntimeException e) {
                    log.warn("Could not delete image data at {}: {}", location, e.toString());
                }
            }
        });
    }
}
