package io.kumo.scheduler.api;

import io.kumo.common.auth.Caller;
import io.kumo.scheduler.application.DecisionLog;
import io.kumo.scheduler.application.Hosts;
import io.kumo.scheduler.domain.PlacementException;
import io.kumo.scheduler.domain.Uuids;
import io.kumo.scheduler.persistence.HostRecords.HostRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Kumo's scheduler extensions (admin or service): the hosts with their liveness (what compute's
 * os-services and os-hypervisors show), enabling and disabling them, aggregate metadata, and the
 * recorded scheduling decisions.
 */
@RestController
class HostController {

    private final Hosts hosts;
    private final DecisionLog decisions;

    HostController(Hosts hosts, DecisionLog decisions) {
        this.hosts = hosts;
        this.decisions = decisions;
    }

    /** With {@code resources=true} each host also carries its inventories, usages and consumer count. */
    @GetMapping("/hosts")
    Map<String, Object> list(Caller caller, @RequestParam(defaultValue = "false") boolean resources) {
        PlacementApi.authorize(caller, "kumo:hosts:list");
        Map<String, Hosts.Resources> byProvider = resources ? hosts.resources() : Map.of();
        List<Object> views = new ArrayList<>();
        for (HostRow row : hosts.list()) {
            Map<String, Object> view = view(row);
            if (resources) {
                view.put("resources", resources(byProvider.get(row.providerUuid())));
            }
            views.add(view);
        }
        return Map.of("hosts", views);
    }

    private static Map<String, Object> resources(Hosts.Resources r) {
        Map<String, Object> inventories = new LinkedHashMap<>();
        if (r == null) {
            return PlacementApi.map("inventories", inventories, "usages", Map.of(), "consumers", 0);
        }
        r.inventories().forEach((rc, inv) -> inventories.put(rc, PlacementApi.map("total", inv.total(),
                "reserved", inv.reserved(), "allocation_ratio", inv.allocationRatio())));
        return PlacementApi.map("inventories", inventories, "usages", r.usages(), "consumers", r.consumers());
    }

    @GetMapping("/hosts/{name}")
    Map<String, Object> show(Caller caller, @PathVariable String name) {
        PlacementApi.authorize(caller, "kumo:hosts:show");
        HostRow row = hosts.show(name);
        Map<String, Object> view = view(row);
        view.put("usages", hosts.usage(row));
        return Map.of("host", view);
    }

    /** {"host": {"disabled": true, "disabled_reason": "...", "forced_down": false}}. */
    @PutMapping("/hosts/{name}")
    Map<String, Object> update(Caller caller, @PathVariable String name, @RequestBody JsonNode body) {
        PlacementApi.authorize(caller, "kumo:hosts:update");
        JsonNode host = PlacementApi.object(PlacementApi.object(body).get("host"));
        HostRow current = hosts.show(name);
        boolean disabled = bool(host, "disabled", current.disabled());
        boolean forcedDown = bool(host, "forced_down", current.forcedDown());
        HostRow row = hosts.setStatus(name, disabled, PlacementApi.string(host, "disabled_reason", false), forcedDown);
        return Map.of("host", view(row));
    }

    @PutMapping("/aggregates/{uuid}/metadata")
    Map<String, Object> metadata(Caller caller, @PathVariable String uuid, @RequestBody JsonNode body) {
        PlacementApi.authorize(caller, "kumo:aggregates:metadata");
        String aggregate = Uuids.canonical(uuid);
        if (aggregate == null) {
            throw PlacementException.badRequest("Invalid aggregate '" + uuid + "': not a UUID.");
        }
        JsonNode given = PlacementApi.object(PlacementApi.object(body).get("metadata"));
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : given.properties()) {
            metadata.put(entry.getKey(), PlacementApi.string(given, entry.getKey(), true));
        }
        hosts.setAggregateMetadata(aggregate, metadata);
        return Map.of("aggregate", PlacementApi.map("uuid", aggregate, "metadata", metadata));
    }

    @GetMapping("/scheduling-decisions/{consumer}")
    Map<String, Object> decisions(Caller caller, @PathVariable String consumer) {
        PlacementApi.authorize(caller, "kumo:scheduling_decisions:show");
        List<JsonNode> found = decisions.of(consumer);
        if (found.isEmpty()) {
            throw PlacementException.notFound("No scheduling decision recorded for consumer " + consumer + ".");
        }
        return Map.of("scheduling_decisions", found);
    }

    private Map<String, Object> view(HostRow row) {
        Hosts.Liveness liveness = hosts.liveness(row);
        return PlacementApi.map("name", row.name(), "resource_provider_uuid", row.providerUuid(),
                "availability_zone", row.availabilityZone(), "driver", row.driver(),
                "status", row.disabled() ? "disabled" : "enabled", "disabled_reason", row.disabledReason(),
                "state", liveness.up() ? "up" : "down", "forced_down", row.forcedDown(),
                "last_heartbeat", liveness.lastHeartbeat(),
                "build_failures", row.buildFailures(), "host_ip", row.facts().hostIp(),
                "hypervisor_type", row.facts().hypervisorType(),
                "hypervisor_version", row.facts().hypervisorVersion(), "cpu_info", row.facts().cpuInfo());
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw PlacementException.badRequest("'" + field + "' must be true or false.");
        }
        return value.booleanValue();
    }
}
