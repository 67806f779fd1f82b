package io.kumo.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.agent.driver.HypervisorDriver;
import io.kumo.agent.driver.HypervisorType;
import io.kumo.agent.driver.fake.FakeDriverSettings;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.nio.file.Path;
import io.kumo.agent.driver.ImageSource;
import io.kumo.agent.driver.libvirt.LibvirtSettings;
import io.kumo.agent.driver.runc.RuncSettings;
import org.junit.jupiter.api.Test;

class DriverFactoriesTest {

    private static final Supplier<ImageSource> NO_IMAGES = () -> {
        throw new AssertionError("the fake driver downloads no images");
    };

    @Test
    void theRuncDriversSettingsComeFromAgentRuncAndTheHostsOwnSizes() {
        RuncSettings settings = DriverFactories.runcSettings(properties("runc", 1, List.of(), ""));

        assertThat(settings.stateDir()).isEqualTo(Path.of("/var/lib/kumo/agent"));
        assertThat(settings.vcpus()).as("configured").isEqualTo(4);
        assertThat(settings.memoryMb()).as("the host's").isPositive();
        assertThat(settings.diskGb()).as("the state dir's free space").isPositive();
        assertThat(settings.defaultPidsLimit()).isEqualTo(512);
        assertThat(settings.cpuAllocationRatio()).isEqualTo(16.0);
    }

    @Test
    void theLibvirtDriversSettingsComeFromAgentLibvirtAndABadDomainTypeFailsStartUp() {
        LibvirtSettings settings = DriverFactories.libvirtSettings(properties("libvirt", 1, List.of(), ""));

        assertThat(settings.uri()).isEqualTo("qemu:///system");
        assertThat(settings.domainType()).isEqualTo("qemu");
        assertThat(settings.probeKernel()).as("empty: the newest /boot/vmlinuz-*").isNull();
        assertThat(settings.vcpus()).isEqualTo(4);
        assertThat(settings.memoryMb()).as("the host's").isPositive();
        AgentProperties base = properties("libvirt", 1, List.of(), "");
        AgentProperties.Libvirt l = base.libvirt();
        AgentProperties xen = new AgentProperties(base.host(), base.availabilityZone(), base.hostIp(), "libvirt",
                base.imageUrl(), base.networkUrl(), base.securityGroups(), base.imageCacheMaxGb(), base.announceInterval(), base.heartbeatInterval(), base.powerSyncInterval(),
                base.removeOrphans(), base.commandConcurrency(),
                base.cpuAllocationRatio(), base.ramAllocationRatio(), base.diskAllocationRatio(), base.publish(),
                base.fake(), base.runc(), new AgentProperties.Libvirt(l.uri(), l.stateDir(), "xen", l.kvmProbeTimeout(),
                        l.probeKernel(), l.machine(), l.stopTimeout(), l.defaultDiskGb(), l.vcpus(), l.memoryMb(),
                        l.diskGb()), base.network(), base.volume());
        assertThatThrownBy(() -> DriverFactories.libvirtSettings(xen)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("agent.libvirt.domain-type is 'xen'; known: auto, kvm, qemu");
    }

    @Test
    void theFakeDriverIsChosenByNameWithTheConfiguredInventoryAndRatios() {
        HypervisorDriver driver = select(properties("fake", 1, List.of("kvm"), ".*fail.*"))
                .create("h");

        assertThat(driver.name()).isEqualTo("fake");
        assertThat(driver.capabilities().traits()).containsExactly("COMPUTE_KVM");
        FakeDriverSettings settings = DriverFactories.fakeSettings(properties("fake", 1, List.of("qemu", "container"), ""));
        assertThat(settings.hypervisorTypes()).containsExactly(HypervisorType.QEMU, HypervisorType.CONTAINER);
        assertThat(settings.vcpus()).isEqualTo(8);
        assertThat(settings.cpuAllocationRatio()).isEqualTo(16.0);
        assertThat(settings.ramAllocationRatio()).isEqualTo(1.5);
        assertThat(settings.diskAllocationRatio()).isEqualTo(1.0);
        assertThat(settings.failBuildNames()).isEmpty();
    }

    @Test
    void anUnsetDriverFailsStartUpRatherThanRunningTheFakeOneOnARealHost() {
        assertThatThrownBy(() -> select(properties("", 1, List.of("qemu"), "")))
                .hasMessageStartingWith("agent.driver is not set").hasMessageContaining("known: fake, runc, libvirt");
    }

    @Test
    void anUnknownDriverFailsStartUpNamingTheKnownOnes() {
        assertThatThrownBy(() -> select(properties("xen", 1, List.of("qemu"), "")))
                .hasMessage("Unknown hypervisor driver 'xen' in agent.driver; known: fake, runc, libvirt");
    }

    @Test
    void badFakeSettingsFailStartUpNamingTheProperty() {
        assertThatThrownBy(() -> select(properties("fake", 1, List.of("qemu", "xen"), "")))
                .hasMessage("agent.fake.hypervisor-types: unknown hypervisor type 'xen'; known: qemu, kvm, container");
        assertThatThrownBy(() -> select(properties("fake", 1, List.of(), "")))
                .hasMessageStartingWith("agent.fake.hypervisor-types is empty");
        assertThatThrownBy(() -> select(properties("fake", 1, List.of("qemu"), "(unclosed")))
                .hasMessageStartingWith("agent.fake.fail-build-names is not a regular expression");
    }

    @Test
    void nFakeHostsAreNamedAfterTheHostAndOnlyTheFakeDriverMultipliesHosts() {
        assertThat(properties("fake", 3, List.of("qemu"), "").servedHostNames())
                .containsExactly("node-a-1", "node-a-2", "node-a-3");
        assertThat(properties("fake", 1, List.of("qemu"), "").servedHostNames()).containsExactly("node-a");
        assertThat(properties("libvirt", 3, List.of("qemu"), "").servedHostNames()).containsExactly("node-a");
    }

    private static io.kumo.agent.driver.HypervisorDriverFactory select(AgentProperties properties) {
        return DriverFactories.select(properties, new DriverFactories.Services(NO_IMAGES, () -> {
            throw new AssertionError("the fake driver filters no ports");
        }));
    }

    static AgentProperties properties(String driver, int fakeHosts, List<String> types, String failNames) {
        return properties(driver, fakeHosts, types, failNames, volumes(List.of()));
    }

    /** The storage role's settings with these backends and the defaults. */
    static AgentProperties.Volume volumes(List<String> backends) {
        return new AgentProperties.Volume(backends, Duration.ofSeconds(30), "/var/lib/kumo/volume-images",
                Duration.ofHours(4));
    }

    static AgentProperties properties(String driver, int fakeHosts, List<String> types, String failNames,
            AgentProperties.Volume volume) {
        return new AgentProperties("node-a", "nova", "192.0.2.1", driver, "http://127.0.0.1:9292", "http://127.0.0.1:9696", true, 50, Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofSeconds(10), false, 2, 16.0,
                1.5, 1.0, new AgentProperties.Publish(Duration.ofSeconds(5), Duration.ofMillis(200),
                        Duration.ofSeconds(10)),
                new AgentProperties.Fake(fakeHosts, 8, 4096, 100, types, Duration.ZERO, failNames),
                new AgentProperties.Runc("/var/lib/kumo/agent", "runc", 1_000_000, 1000, 512, 1, Duration.ofSeconds(10),
                        4, 0, 0, "auto", "", 0),
                new AgentProperties.Libvirt("qemu:///system", "/var/lib/kumo/libvirt", "qemu", Duration.ofSeconds(15),
                        "", "pc", Duration.ofSeconds(30), 1, 4, 0, 0),
                new AgentProperties.Network("", "", "", "239.1.1.1", 4789, List.of("physnet1:eth1"), List.of()),
                volume);
    }
}
