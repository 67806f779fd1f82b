package io.kumo.compute.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.contract.host.Diagnostics;
import io.kumo.common.contract.host.InstanceStats;
import io.kumo.compute.application.ServerDiagnostics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v2.1/servers/{id}/diagnostics} at microversion 2.1, where the body is the driver's own flat
 * map (2.48 standardised it later): for VMs libvirt's keys as Nova's libvirt driver writes them
 * ({@code cpu0_time}, {@code memory}, {@code memory-rss}, {@code vda_read}…, {@code tap…_rx}…); for
 * containers the same disk and NIC keys plus {@code cpu_time}, {@code memory-usage},
 * {@code cpu_throttled_time}, {@code oom_kills}, {@code pids}, {@code pids_limit} and {@code uptime}.
 * Times in nanoseconds, memory in KiB, I/O in bytes and requests, as Nova's.
 */
@RestController
class ServerDiagnosticsController {

    private final ServerDiagnostics diagnostics;

    ServerDiagnosticsController(ServerDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @GetMapping("/v2.1/servers/{serverId}/diagnostics")
    Map<String, Object> show(Caller caller, @PathVariable String serverId) {
        return view(diagnostics.of(caller, serverId));
    }

    static Map<String, Object> view(Diagnostics diagnostics) {
        InstanceStats s = diagnostics.stats();
        Map<String, Object> v = new LinkedHashMap<>();
        if (s.vcpuTimesNanos().isEmpty()) {
            put(v, "cpu_time", s.cpuTimeNanos());
        }
        for (int i = 0; i < s.vcpuTimesNanos().size(); i++) {
            v.put("cpu" + i + "_time", s.vcpuTimesNanos().get(i));
        }
        put(v, "memory", kib(s.memoryLimitBytes()));
        put(v, "libvirt".equals(diagnostics.driver()) ? "memory-rss" : "memory-usage", kib(s.memoryUsedBytes()));
        for (InstanceStats.Disk disk : s.disks()) {
            v.put(disk.device() + "_errors", disk.errors());
            v.put(disk.device() + "_read", disk.readBytes());
            v.put(disk.device() + "_read_req", disk.readRequests());
            v.put(disk.device() + "_write", disk.writeBytes());
            v.put(disk.device() + "_write_req", disk.writeRequests());
        }
        for (InstanceStats.Nic nic : s.nics()) {
            v.put(nic.device() + "_rx", nic.rxBytes());
            v.put(nic.device() + "_rx_drop", nic.rxDrops());
            v.put(nic.device() + "_rx_errors", nic.rxErrors());
            v.put(nic.device() + "_rx_packets", nic.rxPackets());
            v.put(nic.device() + "_tx", nic.txBytes());
            v.put(nic.device() + "_tx_drop", nic.txDrops());
            v.put(nic.device() + "_tx_errors", nic.txErrors());
            v.put(nic.device() + "_tx_packets", nic.txPackets());
        }
        put(v, "cpu_throttled_time", s.cpuThrottledNanos());
        put(v, "oom_kills", s.oomKills());
        put(v, "pids", s.pids());
        put(v, "pids_limit", s.pidsLimit());
        put(v, "uptime", s.uptimeSeconds());
        return v;
    }

    private static void put(Map<String, Object> v, String key, Long value) {
        if (value != null) {
            v.put(key, value);
        }
    }

    private static Long kib(Long bytes) {
        return bytes == null ? null : bytes / 1024;
    }
}
