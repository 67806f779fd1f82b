package io.kumo.agent.driver.runc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.agent.driver.AttachedVolume;
import io.kumo.agent.driver.FileImageSource;
import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.ImageSource;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.agent.driver.VolumeAttachFailure;
import io.kumo.agent.driver.runc.OciTestArchives.Entry;
import io.kumo.agent.network.HostNetworkSettings;
import io.kumo.agent.network.TapNames;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.InstanceStats;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.test.GuestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runc driver against the real runc, iproute2, mount and mkfs of this host (./kumo test installs
 * runc and busybox-static): two busybox containers on one bridge, their limits, their restart and their
 * removal.
 */
class RuncDriverIT {

    private static final HostCommands SH = new HostCommands(Duration.ofSeconds(60));
    private static Path state;
    private static Path imageTar;
    private static RuncSettings settings;
    private static RuncDriver driver;
    private static final String IMAGE_ID = "busybox-image";
    private static final String DOCKER_IMAGE_ID = "busybox-docker-image";
    private static Path dockerArchive;
    private static final String BRIDGE = "brqkt" + Long.toString(System.nanoTime() % 1_000_000, 36);

    @BeforeAll
    static void busyboxImage() throws IOException {
        state = Files.createTempDirectory("kumo-runc-it");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx--x--x"));
        imageTar = GuestImages.container(state.resolve("busybox-rootfs.tar"));
        dockerArchive = dockerArchive(Files.createDirectories(state.resolve("docker")));
        settings = settings(state.resolve("state"), 500_000_000L, StorageSettings.btrfs(20));
        driver = new RuncDriver(settings, source());
    }

    private static RuncSettings settings(Path dir, long idRangeFirst, StorageSettings storage) {
        return new RuncSettings(dir, "runc", idRangeFirst, 16, 20, 1, Duration.ofSeconds(2), 2, 2048, 20, 1.0, 1.0,
                1.0, HostNetworkSettings.localOnly(), 1L << 30, storage);
    }

    private static ImageSource source() {
        return new FileImageSource().with(FileImageSource.image(IMAGE_ID, "raw", Map.of()), imageTar)
                .with(FileImageSource.image(DOCKER_IMAGE_ID, "raw", "docker", Map.of()), dockerArchive);
    }

    /**
     * busybox as a docker-save archive of three layers: the root filesystem; files under /opt; a gzip layer
     * that whites one of them out, makes /opt/data opaque and adds the entrypoint the configuration names.
     */
    private static Path dockerArchive(Path dir) throws IOException {
        Path lower = OciTestArchives.layer(dir.resolve("l1.tar"), false, Entry.dir("opt/data/"),
                Entry.file("opt/data/old.txt", "old"), Entry.file("opt/gone.txt", "gone"));
        Path upper = OciTestArchives.layer(dir.resolve("l2.tar.gz"), true, Entry.file("opt/.wh.gone.txt", ""),
                Entry.file("opt/data/.wh..wh..opq", ""), Entry.file("opt/data/new.txt", "new"),
                Entry.file("app/run", """
                        #!/bin/sh
                        echo "docker-image uid=$(id -u) cwd=$(pwd) greeting=$GREETING arg=$1"
                        echo "opt: $(ls /opt) data: $(ls /opt/data)"
                        trap 'exit 0' TERM
                        sleep 2147483647 &
                        wait
                        """, 0755, 0));
        return OciTestArchives.dockerSave(dir.resolve("busybox-docker.tar"), OciTestArchives.config("[\"/app/run\"]",
                "[\"first\"]", "[\"GREETING=hello-from-config\"]", "/opt", "1000:1000"), List.of(imageTar, lower,
                upper));
    }

    @AfterAll
    static void removeAll() {
        if (driver != null) {
            driver.instances().forEach(i -> driver.destroy(i.uuid()));
        }
        if (Files.exists(Path.of("/sys/class/net", BRIDGE))) {
            SH.run(List.of("ip", "link", "del", BRIDGE));
        }
        if (state != null) {
            try {
                SH.run(List.of("umount", state.resolve("state").resolve("pool").toString()));
            } catch (HostCommands.HostCommandFailed e) {
                // not mounted
            }
            SH.run(List.of("rm", "-rf", "--one-file-system", state.toString()));
        }
    }

    @Test
    void containersBootFromTheirConfigDriveTalkOnTheirBridgeStayInTheirLimitsAndLeaveNothing() throws Exception {
        BuildServer first = build("ct-one", "10.77.0.11", "fa:16:3e:77:00:11", Map.of("kumo:pids_limit", "20"));
        BuildServer second = build("ct-two", "10.77.0.12", "fa:16:3e:77:00:12", Map.of());

        InstanceInfo one = driver.spawn(first);
        InstanceInfo two = driver.spawn(second);

        assertThat(one.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(two.powerState()).isEqualTo(PowerState.RUNNING);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> String.join("\n",
                driver.consoleLog(first.instanceUuid()).orElseThrow()).contains("user-data hello from ct-one"));
        assertThat(driver.consoleLog(first.instanceUuid()).orElseThrow()).contains("uuid " + first.instanceUuid(),
                "hostname ct-one");

        Path userData = settings.stateDir().resolve("instances").resolve(first.instanceUuid())
                .resolve("config-drive/openstack/latest/user_data");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(userData))).as("user data: the container's"
                + " root reads it, no other user of the host").isEqualTo("r--------");
        assertThat(Integer.toUnsignedLong((Integer) Files.getAttribute(userData, "unix:uid")))
                .isEqualTo(hostUid(first, "."));

        String addresses = exec(first, "ip addr show eth0");
        assertThat(addresses).contains("10.77.0.11/24").contains("fa:16:3e:77:00:11");
        assertThat(exec(first, "cat /etc/resolv.conf")).contains("nameserver 10.77.0.2");
        assertThat(exec(first, "id -u")).isEqualTo("0");
        assertThat(exec(first, "grep Seccomp: /proc/self/status")).as("the filter refusing btrfs subvolume ioctls")
                .endsWith("2");
        long uidOne = hostUid(first, "bin/busybox");
        long uidTwo = hostUid(second, "bin/busybox");
        assertThat(uidOne).as("root of a container is an unprivileged host uid of its own range")
                .isGreaterThanOrEqualTo(500_000_000L);
        assertThat(Math.abs(uidOne - uidTwo)).isGreaterThanOrEqualTo(RuncSettings.IDS_PER_CONTAINER);

        execDetached(second, "echo marker-from-ct-two | nc -l -p 7000");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(execAllowingFailure(first, "nc -w 2 10.77.0.12 7000")).contains("marker-from-ct-two"));

        assertThat(execAllowingFailure(first, "for i in $(seq 1 40); do sleep 30 & done; echo forked"))
                .as("the pids limit of 20 stops the fork storm inside the container").contains("can't fork");
        assertThat(execAllowingFailure(second, "dd if=/dev/zero of=/dev/null bs=200M count=1 && echo survived"))
                .as("64 MiB of memory").doesNotContain("survived");
        assertThat(driver.storageKind()).isEqualTo("btrfs");
        assertThat(execAllowingFailure(second, "dd if=/dev/zero of=/fill bs=1M count=1200 2>&1"))
                .as("a 1 GiB disk: the snapshot's quota").contains("Disk quota exceeded");
        execAllowingFailure(second, "sync");

        InstanceStats limited = driver.stats(second.instanceUuid()).orElseThrow();
        assertThat(limited.running()).isTrue();
        assertThat(limited.memoryLimitBytes()).isEqualTo(second.flavor().memoryMb() * 1024L * 1024);
        assertThat(limited.oomKills()).as("the 200 MiB allocation was killed").isPositive();
        assertThat(limited.cpuTimeNanos()).isPositive();
        assertThat(limited.pids()).isPositive();
        assertThat(limited.disks()).as("one btrfs pool for all: no disk figures of its own").isEmpty();
        assertThat(limited.nics()).singleElement().satisfies(nic -> {
            assertThat(nic.macAddress()).isEqualTo("fa:16:3e:77:00:12");
            assertThat(nic.rxPackets()).as("ct-one's connection, seen from inside ct-two").isPositive();
            assertThat(nic.txBytes()).as("the marker it sent").isPositive();
        });
        assertThat(limited.uptimeSeconds()).isNotNegative();
        assertThat(driver.stats(first.instanceUuid()).orElseThrow().pidsLimit()).isEqualTo(20);

        AttachedVolume volume = volumeFile("5d1c6a8e-2b7f-4e0a-9c3d-8e7f6a5b4c3d", 64, "/mnt/data");
        assertThat(driver.attachVolume(first.instanceUuid(), volume).orElseThrow().volumes()).containsExactly(volume);
        assertThat(exec(first, "echo written-in-ct-one > /mnt/data/kept && cat /mnt/data/kept"))
                .isEqualTo("written-in-ct-one");
        assertThat(driver.attachVolume(first.instanceUuid(), volume).orElseThrow().volumes()).as("again: no change")
                .containsExactly(volume);
        execDetached(first, "cd /mnt/data && sleep 4");
        assertThatThrownBy(() -> driver.detachVolume(first.instanceUuid(), volume.volumeId()))
                .as("a process works in it").isInstanceOf(VolumeAttachFailure.class).hasMessageContaining("in use");
        assertThat(exec(first, "cat /mnt/data/kept")).as("still attached").isEqualTo("written-in-ct-one");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> driver.detachVolume(first.instanceUuid(), volume.volumeId()).orElseThrow().volumes()
                        .isEmpty());
        assertThat(exec(first, "ls /mnt")).as("gone from ct-one").isEmpty();
        AttachedVolume moved = new AttachedVolume(volume.volumeId(), "/mnt/moved", volume.path(), "raw");
        assertThat(driver.attachVolume(second.instanceUuid(), moved).orElseThrow().volumes()).containsExactly(moved);
        assertThat(exec(second, "cat /mnt/moved/kept && echo written-in-ct-two > /mnt/moved/more && cat /mnt/moved/more"))
                .as("the data written in ct-one, and ct-two's root may write there").isEqualTo(
                        "written-in-ct-one\nwritten-in-ct-two");
        assertThatThrownBy(() -> driver.attachVolume(second.instanceUuid(), new AttachedVolume("x", "/mnt/../etc",
                volume.path(), "raw"))).isInstanceOf(VolumeAttachFailure.class);
        AttachedVolume raw = volumeFile("7a3b9c1d-0e2f-4a5b-8c6d-9e0f1a2b3c4d", 16, "/mnt/raw");
        Files.write(Path.of(raw.path()), "a tenant's bytes, no file system".getBytes());
        assertThatThrownBy(() -> driver.attachVolume(second.instanceUuid(), raw)).as("never formatted")
                .isInstanceOf(VolumeAttachFailure.class).hasMessageContaining("holds data but no file system");
        assertThat(Files.readString(Path.of(raw.path()))).isEqualTo("a tenant's bytes, no file system");

        long stopStarted = System.nanoTime();
        assertThat(driver.powerOff(first.instanceUuid()).orElseThrow().powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(driver.consoleLog(first.instanceUuid()).orElseThrow()).as("a graceful stop: its init got SIGTERM")
                .contains("kumo-busybox stopping");
        assertThat(Duration.ofNanos(System.nanoTime() - stopStarted)).isLessThan(settings.stopTimeout());
        assertThat(driver.stats(first.instanceUuid()).orElseThrow().running()).isFalse();
        assertThat(driver.powerOn(first.instanceUuid()).orElseThrow().powerState()).isEqualTo(PowerState.RUNNING);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> driver.consoleLog(first.instanceUuid())
                .orElseThrow().stream().filter(l -> l.equals("kumo-busybox booting")).count() == 2);
        assertThat(driver.powerOff(second.instanceUuid())).isPresent();
        assertThat(driver.powerOn(second.instanceUuid())).isPresent();
        assertThat(exec(second, "cat /mnt/moved/more")).as("a restarted container has its volume").isEqualTo(
                "written-in-ct-two");

        RuncDriver restarted = new RuncDriver(settings, source());
        assertThat(restarted.instances()).extracting(InstanceInfo::uuid, InstanceInfo::powerState)
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple(first.instanceUuid(), PowerState.RUNNING),
                        org.assertj.core.api.Assertions.tuple(second.instanceUuid(), PowerState.RUNNING));
        assertThat(restarted.spawn(first).uuid()).isEqualTo(first.instanceUuid());
        assertThat(restarted.instances()).as("none duplicated").hasSize(2);

        for (BuildServer build : List.of(first, second)) {
            assertThat(restarted.destroy(build.instanceUuid())).isPresent();
            assertThat(Files.exists(Path.of("/var/run/netns", ContainerNetworks.namespaceOf(build.instanceUuid()))))
                    .isFalse();
            assertThat(Files.exists(Path.of("/sys/class/net", TapNames.of(build.ports().get(0).portId()))))
                    .isFalse();
            assertThat(Files.exists(settings.stateDir().resolve("instances").resolve(build.instanceUuid()))).isFalse();
            assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(build.instanceUuid());
            assertThat(settings.stateDir().resolve("pool/instances").resolve(build.instanceUuid())).as("its snapshot")
                    .doesNotExist();
        }
        assertThat(SH.run(List.of("runc", "--root", settings.stateDir().resolve("runc").toString(), "list", "-q"))
                .strip()).isEmpty();
        assertThat(Files.exists(Path.of("/sys/class/net", BRIDGE))).as("the network's last port on the host is gone")
                .isFalse();
        assertThat(SH.run(List.of("debugfs", "-R", "cat /more", volume.path())).strip())
                .as("a deleted container's volume keeps its data").endsWith("\nwritten-in-ct-two");
        driver = restarted;
    }

    @Test
    void whereThereIsNoBtrfsAnExt4DiskImageCapsTheContainer() throws Exception {
        RuncDriver ext4 = new RuncDriver(settings(state.resolve("ext4"), 520_000_000L, StorageSettings.ext4()),
                source());
        BuildServer build = build("ct-ext4", "10.77.0.41", "fa:16:3e:77:00:41", Map.of());
        try {
            assertThat(ext4.storageKind()).isEqualTo("ext4");
            assertThat(ext4.spawn(build).powerState()).isEqualTo(PowerState.RUNNING);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> String.join("\n",
                    ext4.consoleLog(build.instanceUuid()).orElseThrow()).contains("user-data hello from ct-ext4"));
            assertThat(SH.run(runcExec(state.resolve("ext4"), build,
                    "dd if=/dev/zero of=/fill bs=1M count=1200 2>&1; sync; true"))).as("a 1 GiB disk")
                    .contains("No space left on device");
            assertThat(ext4.stats(build.instanceUuid()).orElseThrow().disks()).singleElement().satisfies(disk ->
                    assertThat(disk.writeBytes()).as("the 1 GiB written to its loop device")
                            .isGreaterThan(500L * 1024 * 1024));
        } finally {
            ext4.destroy(build.instanceUuid());
        }
        assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(build.instanceUuid());
        assertThat(SH.run(List.of("losetup", "-a"))).doesNotContain(build.instanceUuid());
    }

    @Test
    void aDockerImageArchiveRunsItsFlattenedLayersAsItsConfigurationSays() throws Exception {
        BuildServer build = withImage(build("ct-docker", "10.77.0.21", "fa:16:3e:77:00:21", Map.of()),
                DOCKER_IMAGE_ID);

        assertThat(driver.spawn(build).powerState()).isEqualTo(PowerState.RUNNING);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> String.join("\n",
                driver.consoleLog(build.instanceUuid()).orElseThrow()).contains("docker-image"));
        assertThat(driver.consoleLog(build.instanceUuid()).orElseThrow()).contains(
                "docker-image uid=1000 cwd=/opt greeting=hello-from-config arg=first", "opt: data data: new.txt");
        assertThat(Files.exists(settings.stateDir().resolve("images").resolve(DOCKER_IMAGE_ID + ".rootfs.tar")))
                .as("the layers are flattened once, into the cache").isTrue();
        assertThat(driver.destroy(build.instanceUuid())).isPresent();
    }

    @Test
    void aContainerWhoseRecordIsGoneIsAnOrphanAndIsRemovedWithEverythingItHeld() throws Exception {
        BuildServer build = build("ct-orphan", "10.77.0.31", "fa:16:3e:77:00:31", Map.of());
        driver.spawn(build);
        Path dir = settings.stateDir().resolve("instances").resolve(build.instanceUuid());
        Files.delete(dir.resolve("instance.json")); // the agent died in the middle of the delete

        RuncDriver restarted = new RuncDriver(settings, source());
        assertThat(restarted.instances()).extracting(InstanceInfo::uuid).doesNotContain(build.instanceUuid());
        assertThat(restarted.orphans()).containsExactly(build.instanceUuid());
        restarted.removeOrphan(build.instanceUuid());

        assertThat(restarted.orphans()).isEmpty();
        assertThat(SH.run(List.of("runc", "--root", settings.stateDir().resolve("runc").toString(), "list", "-q")))
                .doesNotContain(build.instanceUuid());
        assertThat(Files.exists(Path.of("/var/run/netns", ContainerNetworks.namespaceOf(build.instanceUuid()))))
                .isFalse();
        assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(build.instanceUuid());
        assertThat(dir).doesNotExist();
        assertThat(settings.stateDir().resolve("pool/instances").resolve(build.instanceUuid())).doesNotExist();
    }

    private static BuildServer withImage(BuildServer build, String imageId) {
        return new BuildServer(build.instanceUuid(), build.host(), build.projectId(), build.name(), build.hostname(),
                build.flavor(), new BuildServer.ImageSpec(imageId, imageId, "raw", "docker", 0, null, Map.of()),
                build.hypervisorType(), build.ports(), build.configDrive(), build.attempt(), build.requestId());
    }

    private static BuildServer build(String name, String ip, String mac, Map<String, String> extraSpecs) {
        String uuid = UUID.randomUUID().toString();
        String portId = UUID.randomUUID().toString();
        String meta = "{\"uuid\":\"" + uuid + "\",\"hostname\":\"" + name + "\",\"name\":\"" + name + "\"}";
        String network = """
                {"links":[{"id":"tap%s","vif_id":"%s","type":"bridge","mtu":1500,"ethernet_mac_address":"%s"}],
                 "networks":[{"id":"network0","type":"ipv4","link":"tap%s","ip_address":"%s","netmask":"255.255.255.0",
                   "routes":[{"network":"0.0.0.0","netmask":"0.0.0.0","gateway":"10.77.0.1"}],"network_id":"net"}],
                 "services":[{"type":"dns","address":"10.77.0.2"}]}""".formatted(portId.substring(0, 11), portId, mac,
                portId.substring(0, 11), ip);
        return new BuildServer(uuid, "host", "project", name, name,
                new BuildServer.FlavorSpec("c1", "c1.tiny", 1, 64, 1, 0, 0, extraSpecs),
                new BuildServer.ImageSpec("busybox-image", "busybox", "raw", "bare", 0, null, Map.of()), "container",
                List.of(new BuildServer.PortSpec(portId, "net", mac, List.of(new BuildServer.FixedIp("sub", ip)), BRIDGE,
                        1500, "local", null, null)),
                new BuildServer.ConfigDrive(Map.of("openstack/latest/meta_data.json", b64(meta),
                        "openstack/latest/network_data.json", b64(network),
                        "openstack/latest/user_data", b64("hello from " + name))), 1, "req-" + uuid);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static long hostUid(BuildServer build, String file) throws IOException {
        Path path = settings.stateDir().resolve("instances").resolve(build.instanceUuid()).resolve("rootfs").resolve(file);
        return Integer.toUnsignedLong((Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    }

    /** A sparse raw file as the file backend makes a volume: owner-only, outside the instances' directories. */
    private static AttachedVolume volumeFile(String id, int mib, String mountPoint) throws IOException {
        Path file = state.resolve("volumes").resolve("volume-" + id);
        Files.createDirectories(file.getParent());
        SH.run(List.of("truncate", "-s", mib + "M", file.toString()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return new AttachedVolume(id, mountPoint, file.toString(), "raw");
    }

    private static String exec(BuildServer build, String script) {
        return SH.run(runcExec(build, script)).strip();
    }

    private static String execAllowingFailure(BuildServer build, String script) {
        try {
            return exec(build, script);
        } catch (HostCommands.HostCommandFailed e) {
            return e.printed() + " (exit " + e.exitCode() + ")";
        }
    }

    private static void execDetached(BuildServer build, String script) {
        List<String> command = new java.util.ArrayList<>(runcExec(build, script));
        command.add(command.indexOf("exec") + 1, "--detach");
        SH.run(command);
    }

    private static List<String> runcExec(BuildServer build, String script) {
        return runcExec(settings.stateDir(), build, script);
    }

    private static List<String> runcExec(Path stateDir, BuildServer build, String script) {
        return List.of("runc", "--root", stateDir.resolve("runc").toString(), "exec", build.instanceUuid(),
                "/bin/sh", "-c", script);
    }
}
