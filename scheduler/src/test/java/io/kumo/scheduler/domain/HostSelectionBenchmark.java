package io.kumo.scheduler.domain;

import io.kumo.scheduler.domain.filter.AggregateInstanceExtraSpecsFilter;
import io.kumo.scheduler.domain.filter.AvailabilityZoneFilter;
import io.kumo.scheduler.domain.filter.ComputeFilter;
import io.kumo.scheduler.domain.filter.DifferentHostFilter;
import io.kumo.scheduler.domain.filter.ImagePropertiesFilter;
import io.kumo.scheduler.domain.filter.SameHostFilter;
import io.kumo.scheduler.domain.filter.ServerGroupAffinityFilter;
import io.kumo.scheduler.domain.filter.ServerGroupAntiAffinityFilter;
import io.kumo.scheduler.domain.weigher.BuildFailureWeigher;
import io.kumo.scheduler.domain.weigher.CPUWeigher;
import io.kumo.scheduler.domain.weigher.DiskWeigher;
import io.kumo.scheduler.domain.weigher.RAMWeigher;
import io.kumo.scheduler.domain.weigher.ServerGroupSoftAffinityWeigher;
import io.kumo.scheduler.domain.weigher.ServerGroupSoftAntiAffinityWeigher;
import io.kumo.scheduler.domain.weigher.WeigherSetting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU cost of one decision's host selection (no database, no broker) over a fleet of 1,000 to
 * 50,000 hosts with random usage, all default filters and weighers, a VM request with a zone: the
 * share Kumo examines by default against Nova's full scan. Run with {@code bench/run selection}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HostSelectionBenchmark {

    @Param({"1000", "10000", "50000"})
    public int hosts;

    private List<HostState> fleet;
    private HostSelection selection;
    private SchedulingRequest request;
    private SchedulingContext context;
    private int start;

    @Setup
    public void fleet() {
        Instant now = Instant.now();
        Random random = new Random(42);
        fleet = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++) {
            Map<String, Inventory> inventories = Map.of(ResourceClasses.VCPU, new Inventory(64, 0, 1, 64, 1, 16.0),
                    ResourceClasses.MEMORY_MB, new Inventory(262144, 4096, 1, 262144, 1, 1.5),
                    ResourceClasses.DISK_GB, new Inventory(2000, 0, 1, 2000, 1, 1.0));
            Map<String, Long> used = Map.of(ResourceClasses.VCPU, (long) random.nextInt(1000),
                    ResourceClasses.MEMORY_MB, (long) random.nextInt(380000), ResourceClasses.DISK_GB,
                    (long) random.nextInt(1900));
            ProviderState provider = new ProviderState("p" + i, "h" + i, 1, "p" + i, null, inventories, used,
                    Set.of(Traits.COMPUTE_KVM, Traits.COMPUTE_QEMU), Set.of());
            fleet.add(new HostState("h" + i, i % 3 == 0 ? "az2" : "nova", "libvirt", i % 97 == 0, null, false, now,
                    i % 211 == 0 ? 2 : 0, provider));
        }
        selection = new HostSelection(List.of(new ComputeFilter(), new AvailabilityZoneFilter(),
                new ImagePropertiesFilter(), new ServerGroupAffinityFilter(), new ServerGroupAntiAffinityFilter(),
                new SameHostFilter(), new DifferentHostFilter(), new AggregateInstanceExtraSpecsFilter()),
                List.of(new WeigherSetting(new RAMWeigher(), 1), new WeigherSetting(new CPUWeigher(), 1),
                        new WeigherSetting(new DiskWeigher(), 1), new WeigherSetting(new BuildFailureWeigher(), -1e6),
                        new WeigherSetting(new ServerGroupSoftAffinityWeigher(), 1),
                        new WeigherSetting(new ServerGroupSoftAntiAffinityWeigher(), 1)), 1000);
        request = new SchedulingRequest("i", new ResourceRequest(Map.of(ResourceClasses.VCPU, 2,
                ResourceClasses.MEMORY_MB, 4096, ResourceClasses.DISK_GB, 20), Set.of(), Set.of(), List.of()), "nova",
                "qemu", Map.of(), null, Map.of(), null, Set.of(), Set.of());
        context = new SchedulingContext(now, Duration.ofSeconds(60), aggregate -> Map.of());
    }

    /** What Kumo does by default: examine from a rotating start until enough hosts fit. */
    @Benchmark
    public HostSelection.Selection adaptiveShare() {
        start = (start + 7919) % hosts;
        return selection.select(fleet, request, context, 7, start, HostSelection.enoughFor(hosts, 0));
    }

    /** Nova's behaviour (scheduler.score-percentage=100): every host, every decision. */
    @Benchmark
    public HostSelection.Selection fullScan() {
        return selection.select(fleet, request, context, 7, 0, hosts);
    }
}
