package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.client.UnifiedLimits;
import io.kumo.common.error.ApiException;
import io.kumo.common.persistence.ProjectQuotaLocks;
import io.kumo.compute.domain.ComputeQuota;
import io.kumo.compute.domain.ComputeUsage;
import io.kumo.compute.domain.Flavor;
import io.kumo.compute.persistence.KeyPairRecords;
import io.kumo.compute.persistence.ServerGroupRecords;
import io.kumo.compute.persistence.ServerRecords;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compute quotas: limits from identity's unified limits, usage counted from compute's own records.
 * A create is checked before anything is made ({@link #check}) and again, under the project's lock,
 * in the transaction that stores the servers ({@link #claim}), so concurrent creates cannot together
 * overrun a quota.
 */
@Service
public class ComputeQuotas {

    /** Quotas a server create consumes. */
    private static final List<ComputeQuota> SERVER_QUOTAS = List.of(ComputeQuota.INSTANCES, ComputeQuota.CORES,
            ComputeQuota.RAM);

    private final ObjectProvider<UnifiedLimits> limits;
    private final ServerRecords servers;
    private final KeyPairRecords keyPairs;
    private final ServerGroupRecords groups;
    private final ProjectQuotaLocks locks;

    ComputeQuotas(ObjectProvider<UnifiedLimits> limits, ServerRecords servers, KeyPairRecords keyPairs,
            ServerGroupRecords groups, ProjectQuotaLocks locks) {
        this.limits = limits;
        this.servers = servers;
        this.keyPairs = keyPairs;
        this.groups = groups;
        this.locks = locks;
    }

    /** One quota's limit and what is used of it. */
    public record Usage(long limit, long inUse) {
    }

    public long limit(String projectId, ComputeQuota quota) {
        UnifiedLimits source = limits.getIfAvailable();
        return quota.resource() == null || source == null ? ComputeQuota.UNLIMITED
                : source.limit(projectId, quota.resource());
    }

    public long defaultLimit(ComputeQuota quota) {
        UnifiedLimits source = limits.getIfAvailable();
        return quota.resource() == null || source == null ? ComputeQuota.UNLIMITED
                : source.registeredLimit(quota.resource());
    }

    /** Every quota's limit for the project (the caller may read the project's quotas). */
    public Map<ComputeQuota, Long> limits(Caller caller, String projectId) {
        requireReader(caller, projectId);
        Map<ComputeQuota, Long> all = new EnumMap<>(ComputeQuota.class);
        for (ComputeQuota quota : ComputeQuota.values()) {
            all.put(quota, limit(projectId, quota));
        }
        return all;
    }

    public Map<ComputeQuota, Long> defaults() {
        Map<ComputeQuota, Long> all = new EnumMap<>(ComputeQuota.class);
        for (ComputeQuota quota : ComputeQuota.values()) {
            all.put(quota, defaultLimit(quota));
        }
        return all;
    }

    /** Limits with usage; key pairs count the caller's own (they belong to users, not projects). */
    @Transactional(readOnly = true)
    public Map<ComputeQuota, Usage> usage(Caller caller, String projectId) {
        requireReader(caller, projectId);
        ComputeUsage used = servers.usage(projectId);
        Map<ComputeQuota, Usage> all = new EnumMap<>(ComputeQuota.class);
        for (ComputeQuota quota : ComputeQuota.values()) {
            long inUse = switch (quota) {
                case KEY_PAIRS -> projectId.equals(caller.projectId()) ? keyPairs.countOfUser(caller.userId()) : 0;
                case SERVER_GROUPS -> groups.countOfProject(projectId);
                default -> used.of(quota);
            };
            all.put(quota, new Usage(limit(projectId, quota), inUse));
        }
        return all;
    }

    /**
     * Before a create makes anything: how many servers of the flavor, from {@code min} to {@code max},
     * fit the project's quotas (as many as fit, as Nova does); 403 with Nova's message when not even
     * {@code min} do. Its own transaction, committed before the claiming one begins (see
     * {@link ProjectQuotaLocks#ensure}).
     */
    @Transactional
    public int check(String projectId, Flavor flavor, int min, int max) {
        locks.ensure(projectId);
        ComputeUsage used = servers.usage(projectId);
        ComputeUsage one = ComputeUsage.of(flavor, 1);
        long count = max;
        for (ComputeQuota quota : SERVER_QUOTAS) {
            long limit = limit(projectId, quota);
            if (limit != ComputeQuota.UNLIMITED && one.of(quota) > 0) {
                count = Math.min(count, Math.max(0, limit - used.of(quota)) / one.of(quota));
            }
        }
        if (count < min) {
            enforce(projectId, ComputeUsage.of(flavor, min), used);
        }
        return (int) Math.max(count, min);
    }

    /** 403 unless the project allows that many metadata items on one server. */
    public void checkMetadata(String projectId, int items) {
        long limit = limit(projectId, ComputeQuota.METADATA_ITEMS);
        if (limit != ComputeQuota.UNLIMITED && items > limit) {
            throw ApiException.forbidden(ComputeQuota.METADATA_ITEMS.exceeded(items, 0, limit));
        }
    }

    /**
     * In the transaction that stores the servers: locks the project's usage and checks again. The lock's
     * row exists: {@link #check} made it.
     */
    public void claim(String projectId, ComputeUsage requested) {
        locks.lock(projectId);
        enforce(projectId, requested, servers.usage(projectId));
    }

    private void enforce(String projectId, ComputeUsage requested, ComputeUsage used) {
        for (ComputeQuota quota : SERVER_QUOTAS) {
            long limit = limit(projectId, quota);
            if (limit != ComputeQuota.UNLIMITED && used.of(quota) + requested.of(quota) > limit) {
                throw ApiException.forbidden(quota.exceeded(requested.of(quota), used.of(quota), limit));
            }
        }
    }

    private static void requireReader(Caller caller, String projectId) {
        if (!Policy.canRead(caller, projectId)) {
            throw ApiException.forbidden("Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
        }
    }
}
