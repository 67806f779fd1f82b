package io.kumo.compute.client;

import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.error.ApiException;
import io.kumo.compute.domain.ComputeHost;
import io.kumo.compute.domain.HostResources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;

/**
 * The scheduler's host registry ({@code /hosts}, a Kumo extension next to placement), called with
 * compute's service token. Hosts live there because the scheduler is who must stop placing work on a
 * disabled or dead host; compute only shows and changes them.
 */
public class SchedulerHosts {

    private final ResilientRestClient scheduler;

    public SchedulerHosts(ResilientRestClient scheduler) {
        this.scheduler = scheduler;
    }

    public List<ComputeHost> list() {
        return list(false);
    }

    /** With resources: each host's inventories, usages and consumer count, read in one snapshot. */
    public List<ComputeHost> list(boolean withResources) {
        JsonNode body = scheduler.get(withResources ? "/hosts?resources=true" : "/hosts", JsonNode.class);
        List<ComputeHost> hosts = new ArrayList<>();
        for (JsonNode host : body.get("hosts")) {
            hosts.add(host(host));
        }
        return hosts;
    }

    /** One host by name; empty when the scheduler knows none of that name. */
    public java.util.Optional<ComputeHost> find(String name) {
        try {
            return java.util.Optional.of(host(scheduler.get("/hosts/" + name, JsonNode.class).get("host")));
        } catch (HttpClientErrorException.NotFound e) {
            return java.util.Optional.empty();
        }
    }

    /** Sets the given fields (null leaves one as it is); an unknown host is a 404 for the caller. */
    public ComputeHost update(String name, Boolean disabled, String disabledReason, Boolean forcedDown) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (disabled != null) {
            fields.put("disabled", disabled);
            fields.put("disabled_reason", disabledReason);
        }
        if (forcedDown != null) {
            fields.put("forced_down", forcedDown);
        }
        try {
            return host(scheduler.put("/hosts/" + name, Map.of("host", fields), JsonNode.class).get("host"));
        } catch (HttpClientErrorException.NotFound e) {
            throw ApiException.notFound("Compute host " + name + " could not be found.");
        }
    }

    private static ComputeHost host(JsonNode h) {
        return new ComputeHost(h.get("name").asString(), h.get("resource_provider_uuid").asString(),
                h.get("availability_zone").asString(), h.get("driver").asString(),
                "disabled".equals(h.get("status").asString()), text(h.get("disabled_reason")),
                "up".equals(h.get("state").asString()), h.get("forced_down").asBoolean(), instant(h.get("last_heartbeat")),
                new ComputeHost.Facts(text(h.get("host_ip")), text(h.get("hypervisor_type")),
                        h.path("hypervisor_version").asLong(0), text(h.get("cpu_info"))),
                resources(h.get("resources")));
    }

    private static HostResources resources(JsonNode r) {
        if (r == null || r.isNull()) {
            return null;
        }
        Map<String, HostResources.Capacity> byClass = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : r.get("inventories").properties()) {
            JsonNode inv = e.getValue();
            byClass.put(e.getKey(), new HostResources.Capacity(inv.get("total").asLong(), inv.get("reserved").asLong(),
                    inv.get("allocation_ratio").asDouble(), r.get("usages").path(e.getKey()).asLong(0)));
        }
        return new HostResources(byClass, r.get("consumers").asLong());
    }

    private static Instant instant(JsonNode node) {
        String text = text(node);
        return text == null ? null : Instant.parse(text);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
