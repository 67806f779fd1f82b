package io.kumo.image.domain;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where image data lives. Chosen by id from configuration ({@code file} now); shaped so that an
 * S3-compatible object store fits: an upload is staged and becomes visible only on
 * {@link StagedUpload#commit()} (a multipart upload completed), reads are by byte range.
 */
public interface ImageStore {

    /** The id configuration chooses this store by, kept with each image's data location. */
    String id();

    /** Starts receiving the data of an image; nothing is visible until the upload is committed. */
    StagedUpload stage(String imageId) throws IOException;

    /** Reads {@code length} bytes from {@code offset} of the data at {@code location}. */
    InputStream open(String location, long offset, long length) throws IOException;

    /** Removes the data; removing data that is already gone is not an error. */
    void delete(String location) throws IOException;

    /** Throws away staged data of uploads whose process died (nothing to do for most stores). */
    default void removeAbandonedStaging(java.time.Duration olderThan) {
    }

    /**
     * Locations of committed data last written before {@code olderThan} ago, for the sweep of data no
     * image refers to any more (a delete whose data removal failed, a crash between commit and
     * activation). Stores that cannot list return nothing.
     */
    default java.util.List<String> committedBefore(java.time.Duration olderThan) {
        return java.util.List.of();
    }

    /** Data being received. Exactly one of commit and abort ends it. */
    interface StagedUpload {

        void write(byte[] buffer, int offset, int length) throws IOException;

        /** Makes the data durable and visible; returns its location in the store. */
        String commit() throws IOException;

        /** Throws the staged data away. Never fails. */
        void abort();
    }
}
