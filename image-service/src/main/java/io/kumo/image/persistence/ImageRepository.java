package io.kumo.image.persistence;

import io.kumo.image.domain.ImageStatus;
import java.time.Instant;
import java.util.Collection;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Images, and the guarded updates that are the only way their status changes: each compares the
 * status it expects (and, for an upload, the upload's id) and reports through its row count whether
 * it won.
 */
public interface ImageRepository extends JpaRepository<Image, String>, JpaSpecificationExecutor<Image> {

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Image i set i.status = :to, i.updatedAt = :now, i.version = i.version + 1
            where i.id = :id and i.status = :from""")
    int changeStatus(@Param("id") String id, @Param("from") ImageStatus from, @Param("to") ImageStatus to,
            @Param("now") Instant now);

    /**
     * queued → saving, claiming the image — unchanged since it was read at {@code version} — for one
     * upload that reserves {@code reserved} bytes of quota.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Image i set i.status = :saving, i.uploadId = :uploadId, i.uploadReserved = :reserved,
                i.uploadHeartbeat = :now, i.updatedAt = :now, i.version = i.version + 1
            where i.id = :id and i.version = :version and i.status = :queued""")
    int claimForUpload(@Param("id") String id, @Param("version") long version, @Param("uploadId") String uploadId,
            @Param("reserved") long reserved,
            @Param("now") Instant now, @Param("queued") ImageStatus queued, @Param("saving") ImageStatus saving);

    @Modifying(clearAutomatically = true)
    @Query("""
            update Image i set i.uploadHeartbeat = :now, i.uploadReserved = :reserved
            where i.id = :id and i.uploadId = :uploadId and i.status = :saving""")
    int uploadProgress(@Param("id") String id, @Param("uploadId") String uploadId, @Param("reserved") long reserved,
            @Param("now") Instant now, @Param("saving") ImageStatus saving);

    /** saving → active with the verified data, if this upload still owns the image. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Image i set i.status = :active, i.size = :size, i.virtualSize = :virtualSize,
                i.checksum = :checksum, i.osHashAlgo = :hashAlgo, i.osHashValue = :hashValue,
                i.storeId = :storeId, i.location = :location, i.uploadId = null, i.uploadReserved = null,
                i.uploadHeartbeat = null, i.updatedAt = :now, i.version = i.version + 1
            where i.id = :id and i.uploadId = :uploadId and i.status = :saving""")
    int activate(@Param("id") String id, @Param("uploadId") String uploadId, @Param("size") long size,
            @Param("virtualSize") Long virtualSize, @Param("checksum") String checksum,
            @Param("hashAlgo") String hashAlgo, @Param("hashValue") String hashValue, @Param("storeId") String storeId,
            @Param("location") String location, @Param("now") Instant now, @Param("saving") ImageStatus saving,
            @Param("active") ImageStatus active);

    /** saving → queued (upload broken off) or killed (data refused), if this upload still owns the image. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Image i set i.status = :to, i.uploadId = null, i.uploadReserved = null, i.uploadHeartbeat = null,
                i.updatedAt = :now, i.version = i.version + 1
            where i.id = :id and i.uploadId = :uploadId and i.status = :saving""")
    int endUpload(@Param("id") String id, @Param("uploadId") String uploadId, @Param("to") ImageStatus to,
            @Param("now") Instant now, @Param("saving") ImageStatus saving);

    /** Uploads whose process died: no progress since {@code before}, back to queued. */
    @Modifying(clearAutomatically = true)
    @Query("""
            update Image i set i.status = :queued, i.uploadId = null, i.uploadReserved = null,
                i.uploadHeartbeat = null, i.updatedAt = :now, i.version = i.version + 1
            where i.status = :saving and i.uploadHeartbeat < :before""")
    int resetStalledUploads(@Param("before") Instant before, @Param("now") Instant now,
            @Param("saving") ImageStatus saving, @Param("queued") ImageStatus queued);

    long countByOwner(String owner);

    boolean existsByLocation(String location);

    @Query("select coalesce(sum(i.size), 0) from Image i where i.owner = :owner and i.status in :statuses")
    long storedBytes(@Param("owner") String owner, @Param("statuses") Collection<ImageStatus> statuses);

    @Query("select coalesce(sum(i.uploadReserved), 0) from Image i where i.owner = :owner and i.status = :saving")
    long reservedBytes(@Param("owner") String owner, @Param("saving") ImageStatus saving);
}
