package io.kumo.scheduler.application;

import io.kumo.scheduler.domain.HostSelection;
import io.kumo.scheduler.domain.HostSelection.Selection;
import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.ProviderState;
import io.kumo.scheduler.domain.SchedulingContext;
import io.kumo.scheduler.domain.SchedulingRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/** The configured filters and weighers over the cached host states. */
@Component
public class HostRanking {

    private final HostStateCache cache;
    private final HostSelection selection;
    private final SchedulerSettings settings;

    HostRanking(HostStateCache cache, HostSelection selection, SchedulerSettings settings) {
        this.cache = cache;
        this.selection = selection;
        this.settings = settings;
    }

    public SchedulingContext context(Instant now) {
        return new SchedulingContext(now, settings.hostDownAfter(), cache::aggregateMetadata);
    }

    /**
     * Scores a share of a large fleet, as Kubernetes does: hosts are examined from a random start until
     * enough fit ({@code scheduler.score-percentage}; adaptive by default: half of a small fleet, 5 % of
     * 5,600 hosts and more, never fewer than 100); 100 examines every host, as Nova.
     */
    public Selection rank(SchedulingRequest request, SchedulingContext context, int keep) {
        List<HostState> hosts = cache.indexed();
        int n = hosts.size();
        if (n == 0) {
            return selection.select(hosts, request, context, keep, 0, 0);
        }
        return selection.select(hosts, request, context, keep, ThreadLocalRandom.current().nextInt(n),
                HostSelection.enoughFor(n, settings.scorePercentage()));
    }

    /** The host's provider as the cache has it now (a claim by another thread may have moved it on). */
    public ProviderState current(HostState host) {
        HostState now = cache.host(host.host());
        return now == null ? host.provider() : now.provider();
    }
}
