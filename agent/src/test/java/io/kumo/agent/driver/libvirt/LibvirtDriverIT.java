package io.kumo.agent.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kumo.agent.driver.AttachedVolume;
import io.kumo.agent.driver.FileImageSource;
import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.HypervisorDriver;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.agent.driver.SpawnFailure;
import io.kumo.agent.driver.VolumeAttachFailure;
import io.kumo.agent.network.HostNetworkSettings;
import io.kumo.agent.network.TapNames;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.InstanceStats;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.test.GuestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The libvirt driver against this host's libvirtd and QEMU (./kumo test installs and starts them): KVM is
 * probed with a bounded test boot (on these machines /dev/kvm exists but hangs, so TCG is chosen), two
 * kumo-tiny VMs boot from the host's kernel and a busybox initramfs, read their config drive and answer
 * pings on their bridge from a network namespace of the test's own; they stop, start, reset, survive a
 * restart of the driver, are rebuilt and leave nothing behind.
 */
class LibvirtDriverIT {

    private static final HostCommands SH = new HostCommands(Duration.ofSeconds(60));
    private static final String SUFFIX = Long.toString(System.nanoTime() % 1_000_000, 36);
    private static final String BRIDGE = "brqlv" + SUFFIX;
    private static final String PROBE_NS = "kumo-lvt-" + SUFFIX;
    private static Path state;
    private static LibvirtSettings settings;
    private static FileImageSource images;
    private static LibvirtDriver driver;

    @BeforeAll
    static void tinyVmImage() throws IOException {
        state = Files.createTempDirectory("kumo-libvirt-it");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx--x--x"));
        GuestImages.VmImage vm = GuestImages.vm(state.resolve("image"));
        images = new FileImageSource()
                .with(FileImageSource.image("tiny-kernel", "aki", Map.of()), vm.kernel())
                .with(FileImageSource.image("tiny-ramdisk", "ari", Map.of()), vm.initrd())
                .with(FileImageSource.image("tiny", "qcow2", Map.of("kernel_id", "tiny-kernel", "ramdisk_id",
                        "tiny-ramdisk", "os_command_line", GuestImages.COMMAND_LINE)), vm.disk())
                .with(FileImageSource.image("an-iso", "iso", Map.of()), vm.disk());
        settings = settings("auto");
        driver = new LibvirtDriver(settings, images);
    }

    private static LibvirtSettings settings(String domainType) {
        return settings(state.resolve("state"), domainType);
    }

    private static LibvirtSettings settings(Path stateDir, String domainType) {
        return new LibvirtSettings("qemu:///system", stateDir, domainType, Duration.ofSeconds(8), null,
                "pc", Duration.ofSeconds(2), 1, 2, 2048, 20, 1.0, 1.0, 1.0, HostNetworkSettings.localOnly(), 1L << 30);
    }

    @AfterAll
    static void removeAll() {
        if (driver != null) {
            driver.instances().forEach(i -> driver.destroy(i.uuid()));
        }
        quietly(List.of("ip", "netns", "del", PROBE_NS));
        quietly(List.of("ip", "link", "del", "lvt" + SUFFIX));
        quietly(List.of("ip", "link", "del", BRIDGE));
        if (state != null) {
            quietly(List.of("rm", "-rf", "--one-file-system", state.toString()));
        }
    }

    @Test
    void tinyVmsBootFromTheirConfigDriveAnswerOnTheirBridgeSurviveARestartAndLeaveNothing() throws Exception {
        assertThat(driver.domainType()).isIn("kvm", "qemu");
        assertThat(driver.capabilities().traits()).contains("COMPUTE_QEMU");
        BuildServer first = build("vm-one", "10.78.0.11", "fa:16:3e:78:00:11");
        BuildServer second = build("vm-two", "10.78.0.12", "fa:16:3e:78:00:12");

        CompletableFuture<InstanceInfo> secondSpawn = CompletableFuture.supplyAsync(() -> driver.spawn(second));
        InstanceInfo one = driver.spawn(first);
        InstanceInfo two = secondSpawn.get();

        assertThat(one.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(two.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(images.downloads()).as("one download per image (disk, kernel, ramdisk) for both VMs").isEqualTo(3);
        for (BuildServer build : List.of(first, second)) {
            awaitConsole(build, "kumo-tiny ready", 1);
            assertThat(driver.consoleLog(build.instanceUuid()).orElseThrow()).contains("uuid " + build.instanceUuid(),
                    "hostname " + build.name(), "user-data hello from " + build.name(),
                    "eth0 " + build.ports().get(0).fixedIps().get(0).ipAddress());
        }
        Path iso = settings.stateDir().resolve("instances").resolve(first.instanceUuid()).resolve("disk.config");
        assertThat(SH.run(List.of("isoinfo", "-d", "-i", iso.toString()))).contains("Volume id: config-2");

        probeNamespaceOnTheBridge();
        assertThat(ping("10.78.0.11")).as("vm-one answers on its bridge").isTrue();
        assertThat(ping("10.78.0.12")).as("vm-two answers on its bridge").isTrue();
        InstanceStats stats = driver.stats(second.instanceUuid()).orElseThrow();
        assertThat(stats.running()).isTrue();
        assertThat(stats.vcpuTimesNanos()).hasSize(second.flavor().vcpus()).allSatisfy(t -> assertThat(t).isPositive());
        assertThat(stats.memoryLimitBytes()).isEqualTo(second.flavor().memoryMb() * 1024L * 1024);
        assertThat(stats.memoryUsedBytes()).as("QEMU's resident set").isPositive();
        assertThat(stats.disks()).singleElement().satisfies(disk -> assertThat(disk.readRequests())
                .as("the guest kernel read vda's partition table").isPositive());
        assertThat(stats.nics()).singleElement().satisfies(nic -> {
            assertThat(nic.macAddress()).isEqualTo("fa:16:3e:78:00:12");
            assertThat(nic.rxPackets()).as("the pings, received by the guest").isPositive();
            assertThat(nic.txPackets()).as("its answers").isPositive();
        });

        AttachedVolume volume = volumeFile("0f5e8f0e-7c1a-4c53-9d7e-1b2c3d4e5f60", 64);
        assertThat(driver.attachVolume(first.instanceUuid(), volume).orElseThrow().volumes()).containsExactly(volume);
        awaitConsole(first, "kumo-tiny disk vdb added: 131072 sectors, serial 0f5e8f0e-7c1a-4c53-9", 1);
        assertThat(driver.attachVolume(first.instanceUuid(), volume).orElseThrow().volumes())
                .as("attaching it again changes nothing").containsExactly(volume);
        assertThatThrownBy(() -> driver.attachVolume(first.instanceUuid(), new AttachedVolume("other", "/dev/vdc",
                state.resolve("no-such-volume").toString(), "raw"))).isInstanceOf(VolumeAttachFailure.class)
                .hasMessageContaining("is not at");
        assertThat(driver.detachVolume(first.instanceUuid(), volume.volumeId()).orElseThrow().volumes()).isEmpty();
        awaitConsole(first, "kumo-tiny disk vdb removed", 1);
        assertThat(driver.detachVolume(first.instanceUuid(), volume.volumeId())).as("detached already").isPresent();
        assertThat(driver.attachVolume(second.instanceUuid(), volume).orElseThrow().volumes()).hasSize(1);
        awaitConsole(second, "kumo-tiny disk vdb added: 131072 sectors, serial 0f5e8f0e-7c1a-4c53-9", 1);

        assertThat(driver.powerOff(first.instanceUuid()).orElseThrow().powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(Files.exists(Path.of("/sys/class/net", TapNames.of(first.ports().get(0).portId()))))
                .as("a stopped VM's tap is gone").isFalse();
        assertThat(ping("10.78.0.12")).as("the other VM on the bridge is untouched").isTrue();
        assertThat(driver.powerOn(first.instanceUuid()).orElseThrow().powerState()).isEqualTo(PowerState.RUNNING);
        awaitConsole(first, "kumo-tiny ready", 2);
        assertThat(driver.reboot(first.instanceUuid(), HypervisorDriver.RebootType.HARD).orElseThrow().powerState())
                .isEqualTo(PowerState.RUNNING);
        awaitConsole(first, "kumo-tiny ready", 3);

        LibvirtDriver restarted = new LibvirtDriver(settings("auto"), images);
        assertThat(restarted.domainType()).as("the verdict of this boot's probe").isEqualTo(driver.domainType());
        assertThat(restarted.instances()).extracting(InstanceInfo::uuid, InstanceInfo::powerState)
                .containsExactlyInAnyOrder(tuple(first.instanceUuid(), PowerState.RUNNING),
                        tuple(second.instanceUuid(), PowerState.RUNNING));
        assertThat(restarted.spawn(first).uuid()).isEqualTo(first.instanceUuid());
        assertThat(restarted.instances()).as("none duplicated").hasSize(2);
        driver = restarted;

        BuildServer renamed = build(second.instanceUuid(), "vm-two-again", "10.78.0.12", "fa:16:3e:78:00:12",
                second.ports().get(0).portId());
        assertThat(driver.rebuild(renamed, false).orElseThrow().powerState()).isEqualTo(PowerState.RUNNING);
        awaitConsole(second, "hostname vm-two-again", 1);
        awaitConsole(second, "kumo-tiny disks: vda vdb", 1); // the volume attached before the restart and rebuild

        ip(List.of("netns", "del", PROBE_NS));
        for (BuildServer build : List.of(first, second)) {
            assertThat(driver.destroy(build.instanceUuid())).isPresent();
            assertThat(driver.destroy(build.instanceUuid())).as("a second delete finds nothing").isEmpty();
            assertThat(SH.run(List.of("virsh", "-c", "qemu:///system", "list", "--all", "--name")))
                    .doesNotContain(build.instanceUuid());
            assertThat(Files.exists(settings.stateDir().resolve("instances").resolve(build.instanceUuid()))).isFalse();
            assertThat(Files.exists(Path.of("/sys/class/net", TapNames.of(build.ports().get(0).portId()))))
                    .isFalse();
        }
        assertThat(Path.of(volume.path())).as("a deleted VM's volume is the user's still").exists();
        assertThat(Files.exists(Path.of("/sys/class/net", BRIDGE))).as("the network's last port on the host is gone")
                .isFalse();
    }

    @Test
    void aKvmVerdictOfThisBootIsTakenWithoutProbingAgainAndOneOfAnotherBootIsNot() throws Exception {
        Path kept = state.resolve("kept-verdict");
        Files.createDirectories(kept);
        Files.writeString(kept.resolve("kvm-probe.verdict"), KvmProbe.bootId().orElseThrow() + " kvm\n");
        assertThat(new LibvirtDriver(settings(kept, "auto"), images).domainType())
                .as("kvm as kept, though a probe would find KVM hanging here").isEqualTo("kvm");

        Files.writeString(kept.resolve("kvm-probe.verdict"), "another-boot kvm\n");
        assertThat(new LibvirtDriver(settings(kept, "auto"), images).domainType()).isEqualTo(driver.domainType());
        assertThat(Files.readString(kept.resolve("kvm-probe.verdict")))
                .startsWith(KvmProbe.bootId().orElseThrow() + " ");
    }

    @Test
    void anImageThatCannotBootIsTheRequestsFaultAndLeavesNothing() {
        BuildServer iso = withImage(build("vm-iso", "10.78.0.21", "fa:16:3e:78:00:21"), "an-iso");

        assertThatThrownBy(() -> driver.spawn(iso)).isInstanceOf(SpawnFailure.class)
                .hasMessageContaining("disk_format iso").matches(e -> !((SpawnFailure) e).retryable());
        assertThat(driver.instances()).extracting(InstanceInfo::uuid).doesNotContain(iso.instanceUuid());
        assertThat(Files.exists(settings.stateDir().resolve("instances").resolve(iso.instanceUuid()))).isFalse();
        assertThat(SH.run(List.of("virsh", "-c", "qemu:///system", "list", "--all", "--uuid")))
                .doesNotContain(iso.instanceUuid());
    }

    @Test
    void aDomainNoRecordAccountsForIsAnOrphanAndIsRemovedWithItsFiles() throws Exception {
        String uuid = UUID.randomUUID().toString();
        Path dir = settings.stateDir().resolve("instances").resolve(uuid);
        Files.createDirectories(dir);
        SH.run(List.of("qemu-img", "create", "-q", "-f", "qcow2", dir.resolve("disk").toString(), "1G"));
        LibvirtDomains domains = new LibvirtDomains("qemu:///system");
        domains.define(DomainXml.of(new DomainSpec(uuid, "left-behind", "qemu", "pc", 64, 1, null,
                new DomainSpec.Disk(dir.resolve("disk"), "qcow2"), dir.resolve("disk.config"), List.of(),
                dir.resolve("console.log"), List.of())));

        assertThat(driver.orphans()).as("a domain of this driver's instances dir without a record").contains(uuid);
        driver.removeOrphan(uuid);

        assertThat(domains.exists(uuid)).isFalse();
        assertThat(dir).doesNotExist();
        assertThat(driver.orphans()).doesNotContain(uuid);
    }

    private static void probeNamespaceOnTheBridge() {
        ip(List.of("netns", "add", PROBE_NS));
        ip(List.of("link", "add", "lvt" + SUFFIX, "type", "veth", "peer", "name", "eth0", "netns", PROBE_NS));
        ip(List.of("link", "set", "lvt" + SUFFIX, "master", BRIDGE, "up"));
        ip(List.of("-n", PROBE_NS, "addr", "add", "10.78.0.2/24", "dev", "eth0"));
        ip(List.of("-n", PROBE_NS, "link", "set", "eth0", "up"));
    }

    private static boolean ping(String address) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                SH.run(List.of("ip", "netns", "exec", PROBE_NS, "busybox", "ping", "-c", "1", "-W", "1", address));
                return true;
            } catch (HostCommands.HostCommandFailed e) {
                // the guest may still be configuring its NIC
            }
        }
        return false;
    }

    /** A sparse raw file as the file backend makes a volume: owner-only, outside the instances' directories. */
    private static AttachedVolume volumeFile(String id, int mib) throws IOException {
        Path file = state.resolve("volumes").resolve("volume-" + id);
        Files.createDirectories(file.getParent());
        SH.run(List.of("truncate", "-s", mib + "M", file.toString()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return new AttachedVolume(id, "/dev/vdb", file.toString(), "raw");
    }

    private static void awaitConsole(BuildServer build, String line, long times) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                driver.consoleLog(build.instanceUuid()).orElseThrow().stream().filter(l -> l.equals(line)).count()
                        >= times);
    }

    private static BuildServer build(String name, String ip, String mac) {
        return build(UUID.randomUUID().toString(), name, ip, mac, UUID.randomUUID().toString());
    }

    private static BuildServer build(String uuid, String name, String ip, String mac, String portId) {
        String meta = "{\"uuid\": \"" + uuid + "\", \"hostname\": \"" + name + "\", \"name\": \"" + name + "\"}";
        String network = """
                {"links": [{"id": "tap%s", "vif_id": "%s", "type": "bridge", "mtu": 1500,
                  "ethernet_mac_address": "%s"}],
                 "networks": [{"id": "network0", "type": "ipv4", "link": "tap%s", "ip_address": "%s",
                  "netmask": "255.255.255.0", "routes": [], "network_id": "net"}],
                 "services": []}""".formatted(portId.substring(0, 11), portId, mac, portId.substring(0, 11), ip);
        return new BuildServer(uuid, "host", "project", name, name,
                new BuildServer.FlavorSpec("m1", "m1.tiny", 1, 128, 1, 0, 0, Map.of()),
                new BuildServer.ImageSpec("tiny", null, null, null, 0, null, Map.of()), "qemu",
                List.of(new BuildServer.PortSpec(portId, "net", mac, List.of(new BuildServer.FixedIp("sub", ip)), BRIDGE,
                        1500, "local", null, null)),
                new BuildServer.ConfigDrive(Map.of("openstack/latest/meta_data.json", b64(meta),
                        "openstack/latest/network_data.json", b64(network),
                        "openstack/latest/user_data", b64("hello from " + name))), 1, "req-" + uuid);
    }

    private static BuildServer withImage(BuildServer b, String imageId) {
        return new BuildServer(b.instanceUuid(), b.host(), b.projectId(), b.name(), b.hostname(), b.flavor(),
                new BuildServer.ImageSpec(imageId, null, null, null, 0, null, Map.of()), b.hypervisorType(), b.ports(),
                b.configDrive(), b.attempt(), b.requestId());
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void ip(List<String> arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("ip"));
        command.addAll(arguments);
        SH.run(command);
    }

    private static void quietly(List<String> command) {
        try {
            SH.run(command);
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
