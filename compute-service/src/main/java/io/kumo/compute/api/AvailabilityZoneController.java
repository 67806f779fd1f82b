package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.compute.application.AvailabilityZones;
import io.kumo.compute.application.ComputeServices;
import io.kumo.compute.domain.ComputeHost;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code os-availability-zone} (everyone: zones and whether they are available) and {@code /detail} (admins). */
@RestController
class AvailabilityZoneController {

    private final AvailabilityZones zones;

    AvailabilityZoneController(AvailabilityZones zones) {
        this.zones = zones;
    }

    @GetMapping("/v2.1/os-availability-zone")
    Map<String, Object> list(Caller caller) {
        return Map.of("availabilityZoneInfo", zones.list().stream().map(z -> view(z, null)).toList());
    }

    @GetMapping("/v2.1/os-availability-zone/detail")
    Map<String, Object> detail(Caller caller) {
        return Map.of("availabilityZoneInfo", zones.detail(caller).stream().map(z -> {
            Map<String, Object> hosts = new LinkedHashMap<>();
            for (ComputeHost h : z.hosts()) {
                Map<String, Object> service = new LinkedHashMap<>();
                service.put("available", !h.disabled());
                service.put("active", h.up());
                service.put("updated_at", h.lastHeartbeat() == null ? null : NovaJson.micros(h.lastHeartbeat()));
                hosts.put(h.name(), Map.of(ComputeServices.BINARY, service));
            }
            return view(z, hosts);
        }).toList());
    }

    private static Map<String, Object> view(AvailabilityZones.Zone zone, Map<String, Object> hosts) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("zoneName", zone.name());
        v.put("zoneState", Map.of("available", zone.available()));
        v.put("hosts", hosts);
        return v;
    }
}
