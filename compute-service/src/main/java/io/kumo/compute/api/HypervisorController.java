package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.compute.application.Hypervisors;
import io.kumo.compute.application.Hypervisors.Hypervisor;
import io.kumo.compute.domain.ComputeHost;
import io.kumo.compute.domain.HostResources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nova's {@code /os-hypervisors} at 2.1: list, detail, show by integer id, statistics, and search and
 * servers by host name. Sizes are the physical totals (Nova shows them without allocation ratios); used memory
 * includes what the host reserves for itself, as in Nova.
 */
@RestController
class HypervisorController {

    private final Hypervisors hypervisors;

    HypervisorController(Hypervisors hypervisors) {
        this.hypervisors = hypervisors;
    }

    @GetMapping("/v2.1/os-hypervisors")
    Map<String, Object> list(Caller caller) {
        return Map.of("hypervisors", hypervisors.list(caller).stream().map(HypervisorController::summary).toList());
    }

    @GetMapping("/v2.1/os-hypervisors/detail")
    Map<String, Object> detail(Caller caller) {
        return Map.of("hypervisors", hypervisors.list(caller).stream().map(HypervisorController::full).toList());
    }

    @GetMapping("/v2.1/os-hypervisors/statistics")
    Map<String, Object> statistics(Caller caller) {
        List<Hypervisor> hosts = hypervisors.list(caller);
        List<Map<String, Object>> all = hosts.stream().map(HypervisorController::full).toList();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", hosts.size());
        s.put("vcpus", sum(all, "vcpus"));
        s.put("memory_mb", sum(all, "memory_mb"));
        s.put("local_gb", sum(all, "local_gb"));
        s.put("vcpus_used", sum(all, "vcpus_used"));
        s.put("memory_mb_used", sum(all, "memory_mb_used"));
        s.put("local_gb_used", sum(all, "local_gb_used"));
        s.put("free_ram_mb", sum(all, "free_ram_mb"));
        s.put("free_disk_gb", sum(all, "free_disk_gb"));
        s.put("current_workload", sum(all, "current_workload"));
        s.put("running_vms", sum(all, "running_vms"));
        s.put("disk_available_least", sum(all, "disk_available_least"));
        return Map.of("hypervisor_statistics", s);
    }

    @GetMapping("/v2.1/os-hypervisors/{id}")
    Map<String, Object> show(Caller caller, @PathVariable String id) {
        return Map.of("hypervisor", full(hypervisors.get(caller, id)));
    }

    @GetMapping("/v2.1/os-hypervisors/{pattern}/search")
    Map<String, Object> search(Caller caller, @PathVariable String pattern) {
        return Map.of("hypervisors", hypervisors.search(caller, pattern).stream().map(HypervisorController::summary)
                .toList());
    }

    /**
     * The servers on each host whose name contains the pattern, as Nova 2.1 lists them: {@code servers}
     * (name and uuid) only on hosts that have some.
     */
    @GetMapping("/v2.1/os-hypervisors/{pattern}/servers")
    Map<String, Object> servers(Caller caller, @PathVariable String pattern) {
        return Map.of("hypervisors", hypervisors.servers(caller, pattern).stream().map(hs -> {
            Map<String, Object> v = summary(hs.hypervisor());
            if (!hs.serverIds().isEmpty()) {
                v.put("servers", hs.serverIds().stream().map(id -> Map.of("name", ServerViews.instanceName(id),
                        "uuid", id)).toList());
            }
            return v;
        }).toList());
    }

    private static long sum(List<Map<String, Object>> views, String field) {
        return views.stream().mapToLong(v -> ((Number) v.get(field)).longValue()).sum();
    }

    private static Map<String, Object> summary(Hypervisor h) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", h.id());
        v.put("hypervisor_hostname", h.host().name());
        v.put("state", h.host().up() ? "up" : "down");
        v.put("status", h.host().disabled() ? "disabled" : "enabled");
        return v;
    }

    private static Map<String, Object> full(Hypervisor h) {
        ComputeHost host = h.host();
        HostResources r = host.resources() == null ? new HostResources(Map.of(), 0) : host.resources();
        long memoryReserved = r.byClass().containsKey(HostResources.MEMORY_MB)
                ? r.byClass().get(HostResources.MEMORY_MB).reserved() : 0;
        long diskReserved = r.byClass().containsKey(HostResources.DISK_GB)
                ? r.byClass().get(HostResources.DISK_GB).reserved() : 0;
        Map<String, Object> v = summary(h);
        v.put("cpu_info", host.facts().cpuInfo() == null ? "" : host.facts().cpuInfo());
        // builds and actions in progress on the host: none until servers land (issue 6)
        v.put("current_workload", 0);
        v.put("disk_available_least", r.free(HostResources.DISK_GB));
        v.put("free_disk_gb", r.free(HostResources.DISK_GB));
        v.put("free_ram_mb", r.free(HostResources.MEMORY_MB));
        v.put("host_ip", host.facts().hostIp());
        v.put("hypervisor_type", host.facts().hypervisorType() == null ? host.driver() : host.facts().hypervisorType());
        v.put("hypervisor_version", host.facts().hypervisorVersion());
        v.put("local_gb", r.total(HostResources.DISK_GB));
        v.put("local_gb_used", r.used(HostResources.DISK_GB) + diskReserved);
        v.put("memory_mb", r.total(HostResources.MEMORY_MB));
        v.put("memory_mb_used", r.used(HostResources.MEMORY_MB) + memoryReserved);
        v.put("running_vms", r.consumers());
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("host", host.name());
        service.put("id", h.id());
        service.put("disabled_reason", host.disabledReason());
        v.put("service", service);
        v.put("vcpus", r.total(HostResources.VCPU));
        v.put("vcpus_used", r.used(HostResources.VCPU));
        return v;
    }
}
