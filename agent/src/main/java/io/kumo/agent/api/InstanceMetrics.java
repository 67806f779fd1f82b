package io.kumo.agent.api;

import io.kumo.agent.application.ServedHosts;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.common.contract.host.InstanceStats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-instance metrics on {@code /actuator/prometheus}, read from the drivers when Prometheus scrapes (no
 * series outlives its instance): {@code kumo_instance_*} labelled with the host and the instance's
 * {@code uuid} — CPU time and a container's throttled time, memory used and its limit, OOM kills, processes
 * and their limit, and per disk ({@code device}) and NIC ({@code interface}, {@code mac}) the I/O and
 * traffic counters, NICs from the guest's side. A figure a driver does not know for its kind of guest is
 * left out rather than reported as zero.
 */
public final class InstanceMetrics implements MultiCollector {

    private static final Logger log = LoggerFactory.getLogger(InstanceMetrics.class);
    private static final double NANOS = 1e9;

    private final ServedHosts hosts;

    public InstanceMetrics(ServedHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public MetricSnapshots collect() {
        Families families = new Families();
        for (ServedHost host : hosts.all()) {
            for (InstanceInfo instance : host.driver().instances()) {
                read(host, instance.uuid()).ifPresent(stats -> add(families,
                        Labels.of("host", host.name(), "uuid", instance.uuid()), stats));
            }
        }
        return families.snapshots();
    }

    /** The instance's figures; empty when it went away meanwhile or its driver could not read them. */
    private static Optional<InstanceStats> read(ServedHost host, String uuid) {
        try {
            return host.driver().stats(uuid);
        } catch (RuntimeException e) {
            log.debug("No metrics for instance {} on {}: {}", uuid, host.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private static void add(Families f, Labels labels, InstanceStats s) {
        f.gauge("kumo_instance_running", "1 when the instance runs, else 0", labels, s.running() ? 1L : 0L);
        f.gauge("kumo_instance_vcpus", "Virtual CPUs of the instance", labels, toLong(s.vcpus()));
        f.counter("kumo_instance_cpu_seconds", "CPU time the instance used", labels, seconds(s.cpuTimeNanos()));
        f.counter("kumo_instance_cpu_throttled_seconds", "Time the instance was held back by its CPU quota",
                labels, seconds(s.cpuThrottledNanos()));
        f.gauge("kumo_instance_memory_used_bytes", "Memory the instance uses", labels, s.memoryUsedBytes());
        f.gauge("kumo_instance_memory_limit_bytes", "Memory the instance may use", labels, s.memoryLimitBytes());
        f.counter("kumo_instance_oom_kills", "Processes killed at the instance's memory limit", labels,
                s.oomKills());
        f.gauge("kumo_instance_pids", "Processes and threads in the instance", labels, s.pids());
        f.gauge("kumo_instance_pids_limit", "Processes and threads the instance may have", labels, s.pidsLimit());
        f.gauge("kumo_instance_uptime_seconds", "Seconds since the instance started", labels, s.uptimeSeconds());
        for (InstanceStats.Disk disk : s.disks()) {
            Labels d = labels.add("device", disk.device());
            f.counter("kumo_instance_disk_read_bytes", "Bytes the instance read from the disk", d, disk.readBytes());
            f.counter("kumo_instance_disk_read_requests", "Read requests to the disk", d, disk.readRequests());
            f.counter("kumo_instance_disk_write_bytes", "Bytes the instance wrote to the disk", d, disk.writeBytes());
            f.counter("kumo_instance_disk_write_requests", "Write requests to the disk", d, disk.writeRequests());
        }
        for (InstanceStats.Nic nic : s.nics()) {
            Labels n = labels.add("interface", nic.device()).add("mac", nic.macAddress());
            f.counter("kumo_instance_network_receive_bytes", "Bytes the instance received", n, nic.rxBytes());
            f.counter("kumo_instance_network_receive_packets", "Packets the instance received", n, nic.rxPackets());
            f.counter("kumo_instance_network_receive_errors", "Receive errors", n, nic.rxErrors());
            f.counter("kumo_instance_network_receive_drops", "Packets dropped on receive", n, nic.rxDrops());
            f.counter("kumo_instance_network_transmit_bytes", "Bytes the instance sent", n, nic.txBytes());
            f.counter("kumo_instance_network_transmit_packets", "Packets the instance sent", n, nic.txPackets());
            f.counter("kumo_instance_network_transmit_errors", "Transmit errors", n, nic.txErrors());
            f.counter("kumo_instance_network_transmit_drops", "Packets dropped on transmit", n, nic.txDrops());
        }
    }

    private static Double seconds(Long nanos) {
        return nanos == null ? null : nanos / NANOS;
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }

    /** The metric families of one scrape, each with the data points of every instance that has the figure. */
    private static final class Families {

        private final Map<String, CounterSnapshot.Builder> counters = new LinkedHashMap<>();
        private final Map<String, GaugeSnapshot.Builder> gauges = new LinkedHashMap<>();

        void counter(String name, String help, Labels labels, Number value) {
            if (value != null) {
                counters.computeIfAbsent(name, n -> CounterSnapshot.builder().name(n).help(help))
                        .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels)
                                .value(value.doubleValue()).build());
            }
        }

        void gauge(String name, String help, Labels labels, Long value) {
            if (value != null) {
                gauges.computeIfAbsent(name, n -> GaugeSnapshot.builder().name(n).help(help))
                        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels)
                                .value(value.doubleValue()).build());
            }
        }

        MetricSnapshots snapshots() {
            List<MetricSnapshot> all = new ArrayList<>();
            gauges.values().forEach(builder -> all.add(builder.build()));
            counters.values().forEach(builder -> all.add(builder.build()));
            return new MetricSnapshots(all);
        }
    }
}
