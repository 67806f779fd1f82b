package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.compute.application.TenantUsages;
import io.kumo.compute.domain.ServerUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code os-simple-tenant-usage} at 2.1: per project, the hours its servers ran in [start, end) and
 * those hours weighted by vCPUs, memory and local disk; {@code start}/{@code end} default to now, as in Nova.
 */
@RestController
class TenantUsageController {

    private final TenantUsages usages;
    private final Clock clock;

    TenantUsageController(TenantUsages usages, Clock clock) {
        this.usages = usages;
        this.clock = clock;
    }

    @GetMapping("/v2.1/os-simple-tenant-usage")
    Map<String, Object> list(Caller caller, @RequestParam Map<String, String> params) {
        Instant start = time(params, "start");
        Instant end = time(params, "end");
        boolean detailed = "1".equals(params.get("detailed")) || "true".equalsIgnoreCase(params.get("detailed"));
        return Map.of("tenant_usages", usages.all(caller, start, end).stream().map(u -> view(u, detailed))
                .toList());
    }

    @GetMapping("/v2.1/os-simple-tenant-usage/{projectId}")
    Map<String, Object> show(Caller caller, @PathVariable String projectId, @RequestParam Map<String, String> params) {
        TenantUsages.TenantUsage usage = usages.of(caller, projectId, time(params, "start"), time(params, "end"));
        return Map.of("tenant_usage", usage == null ? Map.of() : view(usage, true));
    }

    private static Map<String, Object> view(TenantUsages.TenantUsage u, boolean withServers) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tenant_id", u.projectId());
        v.put("start", NovaJson.micros(u.start()));
        v.put("stop", NovaJson.micros(u.end()));
        v.put("total_hours", u.totalHours());
        v.put("total_vcpus_usage", u.total(s -> s.server().flavor().vcpus()));
        v.put("total_memory_mb_usage", u.total(s -> s.server().flavor().ramMb()));
        v.put("total_local_gb_usage", u.total(ServerUsage::localGb));
        if (withServers) {
            v.put("server_usages", u.servers().stream().map(TenantUsageController::server).toList());
        }
        return v;
    }

    private static Map<String, Object> server(ServerUsage s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("instance_id", s.server().id());
        v.put("name", s.server().name());
        v.put("tenant_id", s.server().projectId());
        v.put("flavor", s.server().flavor().name());
        v.put("vcpus", s.server().flavor().vcpus());
        v.put("memory_mb", s.server().flavor().ramMb());
        v.put("local_gb", s.localGb());
        v.put("hours", s.hours());
        v.put("started_at", NovaJson.micros(s.startedAt()));
        v.put("ended_at", NovaJson.micros(s.endedAt()));
        v.put("state", s.state());
        v.put("uptime", s.uptimeSeconds());
        return v;
    }

    /** Nova's formats: 2026-11-22T10:00:00, with .ffffff, or with a space instead of the T. */
    private Instant time(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return clock.instant();
        }
        try {
            return LocalDateTime.parse(value.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid " + name + " time. The time must be like 2026-11-22T10:00:00.");
        }
    }
}
