package io.kumo.volume.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.client.UnifiedLimits;
import io.kumo.common.error.ApiException;
import io.kumo.common.persistence.ProjectQuotaLocks;
import io.kumo.volume.domain.StorageUsage;
import io.kumo.volume.domain.VolumeQuota;
import io.kumo.volume.persistence.SnapshotRecords;
import io.kumo.volume.persistence.VolumeRecords;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Block-storage quotas: limits from identity's unified limits ({@code volumes}, {@code gigabytes},
 * {@code snapshots} of the {@code block-storage} service), usage counted from volume-service's own rows.
 * Volumes and snapshots both count against {@code gigabytes}, as in Cinder. A claim runs under the
 * project's lock in the transaction that stores what it claims for, so concurrent creates cannot together
 * overrun a quota. Exceeding one is Cinder's 413 {@code overLimit}.
 */
@Service
public class VolumeQuotas {

    private final ObjectProvider<UnifiedLimits> limits;
    private final VolumeRecords volumes;
    private final SnapshotRecords snapshots;
    private final ProjectQuotaLocks locks;
    private final TransactionTemplate transactions;

    VolumeQuotas(ObjectProvider<UnifiedLimits> limits, VolumeRecords volumes, SnapshotRecords snapshots,
            ProjectQuotaLocks locks, TransactionTemplate transactions) {
        this.limits = limits;
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.locks = locks;
        this.transactions = transactions;
    }

    /** One quota's limit and what is used of it. */
    public record Usage(long limit, long inUse) {
    }

    /** The project's limit; identity out of reach is a 503, not a 500. */
    public long limit(String projectId, VolumeQuota quota) {
        UnifiedLimits source = limits.getIfAvailable();
        if (source == null) {
            return VolumeQuota.UNLIMITED;
        }
        try {
            return source.limit(projectId, quota.resource());
        } catch (RuntimeException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The project's quotas cannot be read from the"
                    + " identity service right now; try again.");
        }
    }

    public Map<VolumeQuota, Long> defaults() {
        UnifiedLimits source = limits.getIfAvailable();
        Map<VolumeQuota, Long> all = new EnumMap<>(VolumeQuota.class);
        for (VolumeQuota quota : VolumeQuota.values()) {
            all.put(quota, source == null ? VolumeQuota.UNLIMITED : source.registeredLimit(quota.resource()));
        }
        return all;
    }

    /** Limits and usage of a project the caller may read (others: 403, as Cinder answers). */
    @Transactional(readOnly = true)
    public Map<VolumeQuota, Usage> usage(Caller caller, String projectId) {
        if (!Policy.canRead(caller, projectId)) {
            throw ApiException.forbidden("Policy doesn't allow volume_extension:quotas:show to be performed.");
        }
        StorageUsage vols = volumes.usage(projectId);
        StorageUsage snaps = snapshots.usage(projectId);
        Map<VolumeQuota, Usage> all = new EnumMap<>(VolumeQuota.class);
        all.put(VolumeQuota.VOLUMES, new Usage(limit(projectId, VolumeQuota.VOLUMES), vols.count()));
        all.put(VolumeQuota.GIGABYTES, new Usage(limit(projectId, VolumeQuota.GIGABYTES),
                vols.gigabytes() + snaps.gigabytes()));
        all.put(VolumeQuota.SNAPSHOTS, new Usage(limit(projectId, VolumeQuota.SNAPSHOTS), snaps.count()));
        return all;
    }

    /**
     * Makes the project's lock row, committed in a transaction of its own; call outside any transaction,
     * before the claiming one (see {@link ProjectQuotaLocks#ensure}).
     */
    public void prepare(String projectId) {
        // read (and cache) the limits first, so the claim does not wait on identity while it holds the lock
        for (VolumeQuota quota : VolumeQuota.values()) {
            limit(projectId, quota);
        }
        transactions.executeWithoutResult(tx -> locks.ensure(projectId));
    }

    /** Claims room for one more volume of {@code sizeGb}, or fails with 413; in the creating transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claimVolume(String projectId, int sizeGb) {
        claim(projectId, VolumeQuota.VOLUMES, "VolumeLimitExceeded", sizeGb);
    }

    /** Claims room for one more snapshot of {@code sizeGb}, or fails with 413; in the creating transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claimSnapshot(String projectId, int sizeGb) {
        claim(projectId, VolumeQuota.SNAPSHOTS, "SnapshotLimitExceeded", sizeGb);
    }

    /** Claims {@code moreGb} for growing a volume, or fails with 413; in the extending transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claimGrowth(String projectId, int moreGb) {
        locks.lock(projectId);
        requireGigabytes(projectId, moreGb, volumes.usage(projectId).gigabytes()
                + snapshots.usage(projectId).gigabytes());
    }

    /** One more of {@code counted} (volumes or snapshots) and {@code sizeGb} more gigabytes, under the lock. */
    private void claim(String projectId, VolumeQuota counted, String refusal, int sizeGb) {
        locks.lock(projectId);
        StorageUsage vols = volumes.usage(projectId);
        StorageUsage snaps = snapshots.usage(projectId);
        long count = counted == VolumeQuota.VOLUMES ? vols.count() : snaps.count();
        long max = limit(projectId, counted);
        if (max != VolumeQuota.UNLIMITED && count + 1 > max) {
            throw overLimit(refusal + ": Maximum number of " + counted.resource() + " allowed (" + max
                    + ") exceeded for quota '" + counted.resource() + "'.");
        }
        requireGigabytes(projectId, sizeGb, vols.gigabytes() + snaps.gigabytes());
    }

    private void requireGigabytes(String projectId, int requested, long consumed) {
        long max = limit(projectId, VolumeQuota.GIGABYTES);
        if (max != VolumeQuota.UNLIMITED && consumed + requested > max) {
            throw overLimit("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes"
                    + " quota. Requested " + requested + "G, quota is " + max + "G and " + consumed
                    + "G has been consumed.");
        }
    }

    private static ApiException overLimit(String message) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, message);
    }
}
