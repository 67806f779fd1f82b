package io.kumo.dashboard.cloud;

import static io.kumo.dashboard.cloud.CloudCalls.given;
import static io.kumo.dashboard.cloud.CloudCalls.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * compute-service as an operator uses it: the compute hosts with their services' state and their hypervisors'
 * usage, and taking a host out of (or back into) scheduling. Nova refuses members with a 403, which the page
 * shows.
 */
public class ComputeAdmin {

    private static final String SERVICE = "compute";
    private static final String BINARY = "nova-compute";

    private final CloudCalls calls;

    public ComputeAdmin(CloudCalls calls) {
        this.calls = calls;
    }

    /** Every compute host, by name. */
    public List<ComputeHost> hosts(CloudSession session) {
        Map<String, JsonNode> hypervisors = new HashMap<>();
        calls.get(session, SERVICE, "/os-hypervisors/detail").path("hypervisors").forEach(h ->
                hypervisors.put(text(h.path("service"), "host") == null ? text(h, "hypervisor_hostname")
                        : text(h.path("service"), "host"), h));
        List<ComputeHost> hosts = new ArrayList<>();
        for (JsonNode s : calls.get(session, SERVICE, "/os-services?binary=" + BINARY).path("services")) {
            JsonNode h = hypervisors.getOrDefault(text(s, "host"), s.path("none"));
            hosts.add(new ComputeHost(text(s, "host"), text(s, "zone"), "enabled".equals(text(s, "status")),
                    "up".equals(text(s, "state")), text(s, "disabled_reason"), text(h, "hypervisor_type"),
                    h.path("vcpus").asInt(), h.path("vcpus_used").asInt(), h.path("memory_mb").asLong(),
                    h.path("memory_mb_used").asLong(), h.path("local_gb").asLong(), h.path("local_gb_used").asLong(),
                    h.path("running_vms").asInt(), text(s, "updated_at")));
        }
        hosts.sort(Comparator.comparing(ComputeHost::name));
        return hosts;
    }

    /** Takes the host out of scheduling (with the operator's reason, when given) or puts it back. */
    public void setEnabled(CloudSession session, String host, boolean enabled, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("host", host, "binary", BINARY));
        String action = enabled ? "enable" : "disable";
        if (!enabled && given(reason)) {
            body.put("disabled_reason", reason.strip());
            action = "disable-log-reason";
        }
        calls.put(session, SERVICE, "/os-services/" + action, body);
    }
}
