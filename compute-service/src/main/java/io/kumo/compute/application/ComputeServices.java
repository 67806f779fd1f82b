package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.compute.client.SchedulerHosts;
import io.kumo.compute.domain.ComputeHost;
import io.kumo.compute.persistence.ComputeHostIds;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * os-services: every compute host is a {@code nova-compute} service. Enabling, disabling and forcing
 * down go to the scheduler, which stops placing servers on the host at once.
 */
@Service
public class ComputeServices {

    public static final String BINARY = "nova-compute";

    private final SchedulerHosts hosts;
    private final ComputeHostIds ids;

    ComputeServices(SchedulerHosts hosts, ComputeHostIds ids) {
        this.hosts = hosts;
        this.ids = ids;
    }

    /** A host with its stable integer id. */
    public record Listed(int id, ComputeHost host) {
    }

    @Transactional
    public List<Listed> list(Caller caller, String host, String binary) {
        Policy.requireAdmin(caller, "os_compute_api:os-services:list");
        if (binary != null && !binary.equals(BINARY)) {
            return List.of();
        }
        Map<String, Integer> known = ids.all();
        return hosts.list().stream().filter(h -> host == null || h.name().equals(host))
                .map(h -> new Listed(known.computeIfAbsent(h.name(), ids::idOf), h)).sorted(Comparator.comparingInt(Listed::id)).toList();
    }

    @Transactional
    public Listed update(Caller caller, String host, String binary, Boolean disabled, String reason, Boolean forcedDown) {
        Policy.requireAdmin(caller, "os_compute_api:os-services:update");
        if (host == null || host.isBlank() || binary == null || binary.isBlank()) {
            throw ApiException.badRequest("Invalid input for field/attribute host or binary: both are required.");
        }
        if (!binary.equals(BINARY)) {
            throw ApiException.notFound("Service " + binary + " on host " + host + " could not be found.");
        }
        if (reason != null && (reason.isEmpty() || reason.length() > 255)) {
            throw ApiException.badRequest("Invalid input for field/attribute disabled_reason. It must be 1 to 255"
                    + " characters.");
        }
        ComputeHost updated = hosts.update(host, disabled, reason, forcedDown);
        return new Listed(ids.idOf(updated.name()), updated);
    }
}
