package io.kumo.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.agent.driver.HypervisorDriver;
import io.kumo.agent.driver.HypervisorType;
import io.kumo.agent.driver.fake.FakeDriverSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverFactoriesTest {

    @Test
    void theFakeDriverIsChosenByNameWithTheConfiguredInventoryAndRatios() {
        HypervisorDriver driver = DriverFactories.select(properties("fake", 1, List.of("kvm"), ".*fail.*"))
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
        assertThatThrownBy(() -> DriverFactories.select(properties("", 1, List.of("qemu"), "")))
                .hasMessageStartingWith("agent.driver is not set").hasMessageContaining("known: fake");
    }

    @Test
    void anUnknownDriverFailsStartUpNamingTheKnownOnes() {
        assertThatThrownBy(() -> DriverFactories.select(properties("libvirt", 1, List.of("qemu"), "")))
                .hasMessage("Unknown hypervisor driver 'libvirt' in agent.driver; known: fake");
    }

    @Test
    void badFakeSettingsFailStartUpNamingTheProperty() {
        assertThatThrownBy(() -> DriverFactories.select(properties("fake", 1, List.of("qemu", "xen"), "")))
                .hasMessage("agent.fake.hypervisor-types: unknown hypervisor type 'xen'; known: qemu, kvm, container");
        assertThatThrownBy(() -> DriverFactories.select(properties("fake", 1, List.of(), "")))
                .hasMessageStartingWith("agent.fake.hypervisor-types is empty");
        assertThatThrownBy(() -> DriverFactories.select(properties("fake", 1, List.of("qemu"), "(unclosed")))
                .hasMessageStartingWith("agent.fake.fail-build-names is not a regular expression");
    }

    @Test
    void nFakeHostsAreNamedAfterTheHostAndOnlyTheFakeDriverMultipliesHosts() {
        assertThat(properties("fake", 3, List.of("qemu"), "").servedHostNames())
                .containsExactly("node-a-1", "node-a-2", "node-a-3");
        assertThat(properties("fake", 1, List.of("qemu"), "").servedHostNames()).containsExactly("node-a");
        assertThat(properties("libvirt", 3, List.of("qemu"), "").servedHostNames()).containsExactly("node-a");
    }

    static AgentProperties properties(String driver, int fakeHosts, List<String> types, String failNames) {
        return new AgentProperties("node-a", "nova", "192.0.2.1", driver, Duration.ofMinutes(10), Duration.ofSeconds(10), 2, 16.0,
                1.5, 1.0, new AgentProperties.Publish(Duration.ofSeconds(5), Duration.ofMillis(200),
                        Duration.ofSeconds(10)),
                new AgentProperties.Fake(fakeHosts, 8, 4096, 100, types, Duration.ZERO, failNames));
    }
}
