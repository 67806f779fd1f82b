package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.ServerUsage;
import io.kumo.compute.persistence.ServerRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@code os-simple-tenant-usage}: what projects' servers used over a period (every project's for admins). */
@Service
public class TenantUsages {

    private final ServerRecords servers;
    private final Clock clock;

    TenantUsages(ServerRecords servers, Clock clock) {
        this.servers = servers;
        this.clock = clock;
    }

    /** A project's usage: its servers' shares of the period. */
    public record TenantUsage(String projectId, Instant start, Instant end, List<ServerUsage> servers) {

        public double totalHours() {
            return servers.stream().mapToDouble(ServerUsage::hours).sum();
        }

        public double total(ToDoubleFunction<ServerUsage> size) {
            return servers.stream().mapToDouble(u -> size.applyAsDouble(u) * u.hours()).sum();
        }
    }

    @Transactional(readOnly = true)
    public List<TenantUsage> all(Caller caller, Instant start, Instant end) {
        Policy.requireAdmin(caller, "os_compute_api:os-simple-tenant-usage:list");
        checkPeriod(start, end);
        Instant now = clock.instant();
        Map<String, List<ServerUsage>> byProject = servers.ranBetween(null, start, end).stream()
                .map(s -> ServerUsage.within(s, start, end, now))
                .collect(Collectors.groupingBy(u -> u.server().projectId(), LinkedHashMap::new, Collectors.toList()));
        return byProject.entrySet().stream().map(e -> new TenantUsage(e.getKey(), start, end, e.getValue())).toList();
    }

    /** Null when the project's servers did not run in the period (Nova then answers an empty object). */
    @Transactional(readOnly = true)
    public TenantUsage of(Caller caller, String projectId, Instant start, Instant end) {
        if (!Policy.canRead(caller, projectId)) {
            throw ApiException.forbidden("Policy doesn't allow os_compute_api:os-simple-tenant-usage:show to be"
                    + " performed.");
        }
        checkPeriod(start, end);
        Instant now = clock.instant();
        List<Server> ran = servers.ranBetween(projectId, start, end);
        return ran.isEmpty() ? null : new TenantUsage(projectId, start, end,
                ran.stream().map(s -> ServerUsage.within(s, start, end, now)).toList());
    }

    private static void checkPeriod(Instant start, Instant end) {
        if (start.isAfter(end)) {
            throw ApiException.badRequest("Invalid start time. The start time cannot occur after the end time.");
        }
    }
}
