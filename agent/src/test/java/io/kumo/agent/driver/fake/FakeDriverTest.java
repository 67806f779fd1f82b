package io.kumo.agent.driver.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.agent.AgentFixtures;
import io.kumo.agent.driver.DriverCapabilities;
import io.kumo.agent.driver.HypervisorDriver.RebootType;
import io.kumo.agent.driver.HypervisorType;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.agent.driver.SpawnFailure;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.InventorySpec;
import io.kumo.common.contract.host.PowerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FakeDriverTest {

    private final FakeDriver driver = new FakeDriver(FakeDriverSettings.defaults().withFailBuildNames(".*fail.*"));

    @Test
    void spawnRunsTheInstanceWithEverythingTheBuildDescribed() {
        BuildServer build = AgentFixtures.build("h", "web-1", 2);

        InstanceInfo spawned = driver.spawn(build);

        assertThat(spawned.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(spawned.uuid()).isEqualTo(build.instanceUuid());
        assertThat(spawned.name()).isEqualTo("web-1");
        assertThat(spawned.flavor()).isEqualTo(build.flavor());
        assertThat(spawned.image()).isEqualTo(build.image());
        assertThat(spawned.ports()).isEqualTo(build.ports());
        assertThat(spawned.configDriveFiles()).containsOnlyKeys("openstack/latest/meta_data.json",
                "openstack/latest/user_data");
        assertThat(driver.instances()).containsExactly(spawned);
    }

    @Test
    void aRepeatedSpawnReturnsTheExistingInstanceInsteadOfASecondOne() {
        BuildServer build = AgentFixtures.build("h", "web-1", 1);
        InstanceInfo first = driver.spawn(build);
        driver.powerOff(build.instanceUuid());

        InstanceInfo again = driver.spawn(AgentFixtures.build(build.instanceUuid(), "h", "renamed", 3, 2));

        assertThat(again.uuid()).isEqualTo(first.uuid());
        assertThat(again.name()).isEqualTo("web-1");
        assertThat(again.powerState()).as("the existing instance, untouched").isEqualTo(PowerState.SHUTDOWN);
        assertThat(driver.instances()).hasSize(1);
    }

    @Test
    void anInjectedBuildFailureIsRetryableAndLeavesNothingBehind() {
        assertThatThrownBy(() -> driver.spawn(AgentFixtures.build("h", "will-fail", 1)))
                .isInstanceOf(SpawnFailure.class)
                .hasMessage("fake driver: build failure injected for will-fail")
                .satisfies(e -> assertThat(((SpawnFailure) e).retryable()).isTrue());
        assertThat(driver.instances()).isEmpty();

        assertThat(driver.spawn(AgentFixtures.build("h", "fine", 1)).powerState()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void withoutAFailurePatternEveryNameBuilds() {
        FakeDriver plain = new FakeDriver(FakeDriverSettings.defaults());
        assertThat(plain.spawn(AgentFixtures.build("h", "will-fail", 0)).powerState()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void powerActionsMoveThePowerStateAndToleratePowerStatesAlreadyReached() {
        String uuid = driver.spawn(AgentFixtures.build("h", "web-1", 0)).uuid();

        assertThat(driver.powerOff(uuid)).map(InstanceInfo::powerState).contains(PowerState.SHUTDOWN);
        assertThat(driver.powerOff(uuid)).map(InstanceInfo::powerState).contains(PowerState.SHUTDOWN);
        assertThat(driver.powerOn(uuid)).map(InstanceInfo::powerState).contains(PowerState.RUNNING);
        assertThat(driver.powerOn(uuid)).map(InstanceInfo::powerState).contains(PowerState.RUNNING);
        assertThat(driver.reboot(uuid, RebootType.SOFT)).map(InstanceInfo::powerState).contains(PowerState.RUNNING);
        driver.powerOff(uuid);
        assertThat(driver.reboot(uuid, RebootType.HARD)).map(InstanceInfo::powerState).contains(PowerState.RUNNING);
        driver.powerOff(uuid);
        assertThat(driver.reboot(uuid, RebootType.SOFT)).as("a stopped instance comes back on reboot")
                .map(InstanceInfo::powerState).contains(PowerState.RUNNING);
        assertThat(driver.instances()).extracting(InstanceInfo::powerState).containsExactly(PowerState.RUNNING);
    }

    @Test
    void anInstanceNotOnTheHostIsReportedAsAbsentNotCreated() {
        String unknown = UUID.randomUUID().toString();

        assertThat(driver.powerOn(unknown)).isEmpty();
        assertThat(driver.powerOff(unknown)).isEmpty();
        assertThat(driver.reboot(unknown, RebootType.HARD)).isEmpty();
        assertThat(driver.destroy(unknown)).isEmpty();
        assertThat(driver.instances()).isEmpty();
    }

    @Test
    void destroyRemovesTheInstanceAndReturnsWhatItHadPlugged() {
        BuildServer build = AgentFixtures.build("h", "web-1", 2);
        driver.spawn(build);
        driver.spawn(AgentFixtures.build("h", "web-2", 0));

        Optional<InstanceInfo> destroyed = driver.destroy(build.instanceUuid());

        assertThat(destroyed).map(InstanceInfo::ports).contains(build.ports());
        assertThat(driver.instances()).extracting(InstanceInfo::name).containsExactly("web-2");
        assertThat(driver.destroy(build.instanceUuid())).isEmpty();
    }

    @Test
    void rebuildMakesTheInstanceAnewFromTheNewImageAndKeepsItsPorts() {
        BuildServer build = AgentFixtures.build("h", "web-1", 2);
        driver.spawn(build);

        InstanceInfo rebuilt = driver.rebuild(AgentFixtures.rebuilt(build, "web-2", "img-2"), false).orElseThrow();

        assertThat(rebuilt.name()).isEqualTo("web-2");
        assertThat(rebuilt.image().id()).isEqualTo("img-2");
        assertThat(rebuilt.ports()).isEqualTo(build.ports());
        assertThat(rebuilt.configDriveFiles()).containsOnlyKeys("openstack/latest/meta_data.json");
        assertThat(rebuilt.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(driver.instances()).containsExactly(rebuilt);
    }

    @Test
    void aStoppedInstanceStaysStoppedAfterItsRebuildWhenAsked() {
        BuildServer build = AgentFixtures.build("h", "web-1", 1);
        driver.spawn(build);
        driver.powerOff(build.instanceUuid());

        InstanceInfo rebuilt = driver.rebuild(AgentFixtures.rebuilt(build, "web-1", "img-2"), true).orElseThrow();

        assertThat(rebuilt.powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(driver.consoleLog(build.instanceUuid()).orElseThrow()).last().asString()
                .endsWith("reboot: Power down");
    }

    @Test
    void aFailedRebuildLeavesTheInstanceOffAndIsNotRetryable() {
        BuildServer build = AgentFixtures.build("h", "web-1", 1);
        driver.spawn(build);

        assertThatThrownBy(() -> driver.rebuild(AgentFixtures.rebuilt(build, "will-fail", "img-2"), false))
                .isInstanceOfSatisfying(SpawnFailure.class, f -> assertThat(f.retryable()).isFalse());
        assertThat(driver.instances()).singleElement().satisfies(i -> {
            assertThat(i.powerState()).isEqualTo(PowerState.SHUTDOWN);
            assertThat(i.image().id()).as("not rebuilt").isEqualTo(build.image().id());
        });
    }

    @Test
    void rebuildOfAnInstanceNotOnTheHostIsEmpty() {
        BuildServer build = AgentFixtures.build("h", "web-1", 1);

        assertThat(driver.rebuild(build, false)).isEmpty();
        assertThat(driver.instances()).isEmpty();
    }

    @Test
    void theConsoleLogShowsEachBootWithTheNicsAndEachPowerDown() {
        BuildServer build = AgentFixtures.build("h", "web-1", 1);
        driver.spawn(build);
        driver.powerOff(build.instanceUuid());
        driver.powerOn(build.instanceUuid());
        driver.reboot(build.instanceUuid(), RebootType.SOFT);

        List<String> log = driver.consoleLog(build.instanceUuid()).orElseThrow();

        assertThat(log).filteredOn(l -> l.contains("Linux version")).hasSize(3);
        assertThat(log).filteredOn(l -> l.contains("reboot: Power down")).hasSize(1);
        assertThat(log).filteredOn(l -> l.contains("reboot: Restarting system")).hasSize(1);
        assertThat(log).anySatisfy(l -> assertThat(l).contains("eth0: link up, fa:16:3e:00:00:01, mtu 1500, 10.0.0.5"));
        assertThat(log).last().isEqualTo("web-1 login: ");
        driver.destroy(build.instanceUuid());
        assertThat(driver.consoleLog(build.instanceUuid())).isEmpty();
    }

    @Test
    void capabilitiesOfferTheConfiguredInventoryWithNothingReserved() {
        DriverCapabilities capabilities = driver.capabilities();

        assertThat(capabilities.inventory()).containsEntry("VCPU", InventorySpec.of(16, 0, 16.0))
                .containsEntry("MEMORY_MB", InventorySpec.of(65536, 0, 1.5))
                .containsEntry("DISK_GB", InventorySpec.of(1000, 0, 1.0));
        assertThat(capabilities.traits()).containsExactly("COMPUTE_QEMU", "COMPUTE_CONTAINER");
        assertThat(capabilities.offers("qemu")).isTrue();
        assertThat(capabilities.offers("container")).isTrue();
        assertThat(capabilities.offers(null)).isTrue();
        assertThat(capabilities.offers("kvm")).isFalse();
        assertThat(driver.name()).isEqualTo("fake");
    }

    @Test
    void aKvmHostCarriesTheKvmTrait() {
        FakeDriverSettings d = FakeDriverSettings.defaults();
        FakeDriver kvm = new FakeDriver(new FakeDriverSettings(4, 2048, 20, 2.0, 1.0, 1.0,
                List.of(HypervisorType.KVM), d.spawnDelay(), d.failBuildNames()));

        assertThat(kvm.capabilities().traits()).containsExactly("COMPUTE_KVM");
        assertThat(kvm.capabilities().inventory().get("VCPU")).isEqualTo(InventorySpec.of(4, 0, 2.0));
    }

    @Test
    void concurrentDuplicateBuildsWaitForTheFirstAndBuildOnlyOnce() throws Exception {
        FakeDriver slow = new FakeDriver(FakeDriverSettings.defaults().withSpawnDelay(Duration.ofMillis(200)));
        BuildServer build = AgentFixtures.build("h", "web-1", 1);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<InstanceInfo>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(threads.submit(() -> slow.spawn(build)));
            }
            for (Future<InstanceInfo> result : results) {
                assertThat(result.get().uuid()).isEqualTo(build.instanceUuid());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(slow.instances()).hasSize(1);
    }

    @Test
    void differentInstancesSpawnInParallel() throws Exception {
        FakeDriver slow = new FakeDriver(FakeDriverSettings.defaults().withSpawnDelay(Duration.ofMillis(400)));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        try {
            List<Callable<InstanceInfo>> builds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                BuildServer build = AgentFixtures.build("h", "web-" + i, 0);
                builds.add(() -> slow.spawn(build));
            }
            for (Future<InstanceInfo> result : threads.invokeAll(builds)) {
                result.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("four 400 ms builds, not one after the other")
                .isLessThan(Duration.ofMillis(1200));
        assertThat(slow.instances()).hasSize(4);
    }
}
