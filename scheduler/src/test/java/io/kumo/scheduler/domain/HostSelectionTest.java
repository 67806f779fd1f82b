package io.kumo.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.contract.scheduler.ServerGroupSpec;
import io.kumo.scheduler.domain.filter.AggregateInstanceExtraSpecsFilter;
import io.kumo.scheduler.domain.filter.AvailabilityZoneFilter;
import io.kumo.scheduler.domain.filter.ComputeFilter;
import io.kumo.scheduler.domain.filter.DifferentHostFilter;
import io.kumo.scheduler.domain.filter.ImagePropertiesFilter;
import io.kumo.scheduler.domain.filter.SameHostFilter;
import io.kumo.scheduler.domain.filter.ServerGroupAffinityFilter;
import io.kumo.scheduler.domain.filter.ServerGroupAntiAffinityFilter;
import io.kumo.scheduler.domain.weigher.BuildFailureWeigher;
import io.kumo.scheduler.domain.weigher.RAMWeigher;
import io.kumo.scheduler.domain.weigher.ServerGroupSoftAntiAffinityWeigher;
import io.kumo.scheduler.domain.weigher.WeigherSetting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostSelectionTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final SchedulingContext CONTEXT = new SchedulingContext(NOW, Duration.ofSeconds(60),
            agg -> agg.equals("11111111-1111-1111-1111-111111111111") ? Map.of("ssd", "true,fast") : Map.of());

    private final HostSelection selection = new HostSelection(List.of(new ComputeFilter(), new AvailabilityZoneFilter(),
            new ImagePropertiesFilter(), new ServerGroupAffinityFilter(), new ServerGroupAntiAffinityFilter(),
            new SameHostFilter(), new DifferentHostFilter(), new AggregateInstanceExtraSpecsFilter()),
            List.of(new WeigherSetting(new RAMWeigher(), 1.0), new WeigherSetting(new BuildFailureWeigher(), -1e6),
                    new WeigherSetting(new ServerGroupSoftAntiAffinityWeigher(), 1.0)), 1000);

    @Test
    void placementRejectsHostsWithoutCapacityOrTraitsAndSaysWhy() {
        HostState small = host("small", 1, 1024, Set.of(Traits.COMPUTE_QEMU));
        HostState big = host("big", 8, 8192, Set.of(Traits.COMPUTE_QEMU));
        HostState containerOnly = host("ct", 8, 8192, Set.of(Traits.COMPUTE_CONTAINER));
        SchedulingRequest request = request(resources(2, 512, Set.of(Traits.COMPUTE_QEMU)), null, null);

        HostSelection.Selection result = selection.select(List.of(small, big, containerOnly), request, CONTEXT, 3);

        assertThat(result.ranked()).extracting(r -> r.host().host()).containsExactly("big");
        assertThat(result.trace().placement()).containsOnlyKeys("insufficient VCPU", "missing trait COMPUTE_QEMU");
        assertThat(result.trace().placement().get("insufficient VCPU").hosts()).containsExactly("small");
        assertThat(result.trace().summary()).contains("3 host(s) considered", "insufficient VCPU: 1");
    }

    @Test
    void disabledDownAndForcedDownHostsAreRejectedByComputeFilter() {
        HostState disabled = new HostState("off", "nova", "fake", true, "maintenance", false, NOW, 0, provider("off", 8, 8192, Set.of()));
        HostState silent = new HostState("silent", "nova", "fake", false, null, false, NOW.minusSeconds(61), 0,
                provider("silent", 8, 8192, Set.of()));
        HostState forced = new HostState("forced", "nova", "fake", false, null, true, NOW, 0, provider("forced", 8, 8192, Set.of()));
        HostState fine = host("fine", 8, 8192, Set.of());

        HostSelection.Selection result = selection.select(List.of(disabled, silent, forced, fine),
                request(resources(1, 64, Set.of()), null, null), CONTEXT, 5);

        assertThat(result.ranked()).extracting(r -> r.host().host()).containsExactly("fine");
        DecisionTrace.FilterOutcome compute = result.trace().filters().get(0);
        assertThat(compute.filter()).isEqualTo("ComputeFilter");
        assertThat(compute.rejected()).isEqualTo(3);
        assertThat(compute.hosts()).extracting(DecisionTrace.HostRejection::reason)
                .containsExactlyInAnyOrder("disabled: maintenance", "down: last heartbeat " + NOW.minusSeconds(61),
                        "forced down");
    }

    @Test
    void containerImagesOnlyLandOnContainerHostsAndVmImagesNeverDo() {
        HostState vm = host("vm", 8, 8192, Set.of(Traits.COMPUTE_QEMU));
        HostState kvm = host("kvm", 8, 8192, Set.of(Traits.COMPUTE_KVM));
        HostState ct = host("ct", 8, 8192, Set.of(Traits.COMPUTE_CONTAINER));

        assertThat(ranked(List.of(vm, kvm, ct), request(resources(1, 64, Set.of()), "container", null)))
                .containsExactly("ct");
        assertThat(ranked(List.of(vm, kvm, ct), request(resources(1, 64, Set.of()), "qemu", null)))
                .containsExactlyInAnyOrder("vm", "kvm");
        assertThat(ranked(List.of(vm, kvm, ct), request(resources(1, 64, Set.of()), "kvm", null)))
                .containsExactly("kvm");
    }

    @Test
    void ramWeigherSpreadsAndANegativeMultiplierPacks() {
        HostState emptier = host("emptier", 8, 8192, Set.of());
        HostState fuller = new HostState("fuller", "nova", "fake", false, null, false, NOW, 0,
                provider("fuller", 8, 8192, Set.of()).plus(Map.of(ResourceClasses.MEMORY_MB, 4096), 1));
        SchedulingRequest request = request(resources(1, 64, Set.of()), null, null);

        assertThat(ranked(List.of(fuller, emptier), request)).containsExactly("emptier", "fuller");
        HostSelection packing = new HostSelection(List.of(), List.of(new WeigherSetting(new RAMWeigher(), -1.0)), 10);
        assertThat(packing.select(List.of(emptier, fuller), request, CONTEXT, 2).ranked())
                .extracting(r -> r.host().host()).containsExactly("fuller", "emptier");
    }

    @Test
    void buildFailuresSendAHostToTheBackOfTheLine() {
        HostState failing = new HostState("failing", "nova", "fake", false, null, false, NOW, 3,
                provider("failing", 64, 65536, Set.of()));
        HostState healthy = host("healthy", 8, 8192, Set.of());

        assertThat(ranked(List.of(failing, healthy), request(resources(1, 64, Set.of()), null, null)))
                .containsExactly("healthy", "failing");
    }

    @Test
    void groupsHintsZonesAndAggregateExtraSpecs() {
        HostState a = host("a", 8, 8192, Set.of());
        HostState b = new HostState("b", "zone-b", "fake", false, null, false, NOW, 0,
                new ProviderState("b", "b", 0, "b", null, provider("b", 8, 8192, Set.of()).inventories(), Map.of(),
                        Set.of(), Set.of("11111111-1111-1111-1111-111111111111")));
        HostState c = host("c", 8, 8192, Set.of());
        List<HostState> hosts = List.of(a, b, c);
        ResourceRequest one = resources(1, 64, Set.of());

        SchedulingRequest anti = new SchedulingRequest("i", one, null, null, Map.of(), ServerGroupSpec.ANTI_AFFINITY,
                Map.of("a", 1, "b", 1), null, Set.of(), Set.of());
        assertThat(ranked(hosts, anti)).containsExactly("c");
        SchedulingRequest affinity = new SchedulingRequest("i", one, null, null, Map.of(), ServerGroupSpec.AFFINITY,
                Map.of("b", 2), null, Set.of(), Set.of());
        assertThat(ranked(hosts, affinity)).containsExactly("b");
        SchedulingRequest softAnti = new SchedulingRequest("i", one, null, null, Map.of(),
                ServerGroupSpec.SOFT_ANTI_AFFINITY, Map.of("a", 2, "b", 1), null, Set.of(), Set.of());
        assertThat(ranked(hosts, softAnti)).containsExactly("c", "b", "a");
        SchedulingRequest sameHost = new SchedulingRequest("i", one, null, null, Map.of(), null, Map.of(), Set.of("c"),
                Set.of("a"), Set.of());
        assertThat(ranked(hosts, sameHost)).containsExactly("c");
        SchedulingRequest zone = new SchedulingRequest("i", one, "zone-b", null, Map.of(), null, Map.of(), null,
                Set.of(), Set.of());
        assertThat(ranked(hosts, zone)).containsExactly("b");
        SchedulingRequest gold = new SchedulingRequest("i", one, null, null,
                Map.of("aggregate_instance_extra_specs:ssd", "fast"), null, Map.of(), null, Set.of(), Set.of());
        assertThat(ranked(hosts, gold)).containsExactly("b");
        SchedulingRequest retry = new SchedulingRequest("i", one, null, null, Map.of(), null, Map.of(), null, Set.of(),
                Set.of("a", "b"));
        assertThat(ranked(hosts, retry)).containsExactly("c");
    }

    @Test
    void rejectionListsAreCappedButCountsStayExact() {
        HostSelection capped = new HostSelection(List.of(new ComputeFilter()), List.of(), 2);
        List<HostState> hosts = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hosts.add(new HostState("h" + i, "nova", "fake", true, null, false, NOW, 0, provider("h" + i, 8, 8192, Set.of())));
        }
        DecisionTrace trace = capped.select(hosts, request(resources(1, 64, Set.of()), null, null), CONTEXT, 2).trace();
        assertThat(trace.filters().get(0).rejected()).isEqualTo(5);
        assertThat(trace.filters().get(0).hosts()).hasSize(2);
    }

    @Test
    void aLargeFleetIsExaminedUntilEnoughFitButANoValidHostIsAlwaysAFullScan() {
        List<HostState> hosts = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            hosts.add(host("h" + i, i == 9 ? 8 : 1, 8192, Set.of()));
        }
        HostSelection.Selection some = selection.select(hosts, request(resources(1, 64, Set.of()), null, null), CONTEXT,
                2, 8, 3);
        assertThat(some.trace().hostsExamined()).isEqualTo(3);
        assertThat(some.ranked()).hasSize(2).extracting(r -> r.host().host()).isSubsetOf("h8", "h9", "h0");
        assertThat(some.trace().summary()).contains("10 host(s) considered (3 examined");

        HostSelection.Selection big = selection.select(hosts, request(resources(4, 64, Set.of()), null, null), CONTEXT,
                2, 0, 3);
        assertThat(big.trace().hostsExamined()).isEqualTo(10);
        assertThat(big.ranked()).extracting(r -> r.host().host()).containsExactly("h9");
        HostSelection.Selection none = selection.select(hosts, request(resources(16, 64, Set.of()), null, null),
                CONTEXT, 2, 5, 3);
        assertThat(none.trace().hostsExamined()).isEqualTo(10);
        assertThat(none.trace().placement().get("insufficient VCPU").count()).isEqualTo(10);
    }

    private List<String> ranked(List<HostState> hosts, SchedulingRequest request) {
        return selection.select(hosts, request, CONTEXT, 10).ranked().stream().map(r -> r.host().host()).toList();
    }

    private static SchedulingRequest request(ResourceRequest resources, String hypervisorType, String zone) {
        return new SchedulingRequest("i", resources, zone, hypervisorType, Map.of(), null, Map.of(), null, Set.of(),
                Set.of());
    }

    private static ResourceRequest resources(int vcpus, int ram, Set<String> required) {
        return new ResourceRequest(Map.of(ResourceClasses.VCPU, vcpus, ResourceClasses.MEMORY_MB, ram), required,
                Set.of(), List.of());
    }

    private static HostState host(String name, int vcpus, int ram, Set<String> traits) {
        return new HostState(name, "nova", "fake", false, null, false, NOW, 0, provider(name, vcpus, ram, traits));
    }

    private static ProviderState provider(String name, int vcpus, int ram, Set<String> traits) {
        return new ProviderState(name, name, 0, name, null, Map.of(ResourceClasses.VCPU, new Inventory(vcpus, 0, 1,
                vcpus, 1, 1.0), ResourceClasses.MEMORY_MB, new Inventory(ram, 0, 1, ram, 1, 1.0)), Map.of(), traits,
                Set.of());
    }
}
