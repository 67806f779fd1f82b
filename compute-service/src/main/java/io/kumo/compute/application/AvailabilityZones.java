package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.compute.client.SchedulerHosts;
import io.kumo.compute.domain.ComputeHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Availability zones are the zones compute hosts announce themselves in; a zone is available while one
 * of its hosts is enabled and up.
 */
@Service
public class AvailabilityZones {

    /** Nova's zone for hosts that name none. */
    public static final String DEFAULT_ZONE = "nova";

    private final SchedulerHosts hosts;

    AvailabilityZones(SchedulerHosts hosts) {
        this.hosts = hosts;
    }

    /** A zone and its hosts. */
    public record Zone(String name, boolean available, List<ComputeHost> hosts) {
    }

    public List<Zone> list() {
        Map<String, List<ComputeHost>> byZone = new TreeMap<>();
        for (ComputeHost host : hosts.list()) {
            String zone = host.availabilityZone() == null || host.availabilityZone().isBlank() ? DEFAULT_ZONE
                    : host.availabilityZone();
            byZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(host);
        }
        return byZone.entrySet().stream().map(e -> new Zone(e.getKey(),
                e.getValue().stream().anyMatch(h -> !h.disabled() && h.up()), List.copyOf(e.getValue()))).toList();
    }

    /** With each zone's hosts: admins only. */
    public List<Zone> detail(Caller caller) {
        Policy.requireAdmin(caller, "os_compute_api:os-availability-zone:detail");
        return list();
    }
}
