package io.kumo.agent.driver.runc;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.agent.driver.FileImageSource;
import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.network.HostNetworkSettings;
import io.kumo.common.contract.host.BuildServer;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two hosts on one machine: two runc drivers whose bridges live in network namespaces of their own, joined
 * by an underlay link (a veth pair between the namespaces, the "switch"). A {@code vxlan} network's
 * containers on both hosts reach each other through the VXLAN devices the drivers make (VNI = the segment,
 * unknown destinations flooded to the multicast group); a container of another vxlan network does not reach
 * them; the bridges and VXLAN devices go with the networks' last ports.
 */
class RuncVxlanIT {

    private static final HostCommands SH = new HostCommands(Duration.ofSeconds(60));
    private static final String SUFFIX = Long.toString(System.nanoTime() % 1_000_000, 36);
    private static final String HOST_ONE = "kumo-vx1-" + SUFFIX;
    private static final String HOST_TWO = "kumo-vx2-" + SUFFIX;
    private static final String UNDERLAY_ONE = "vxa" + SUFFIX;
    private static final String UNDERLAY_TWO = "vxb" + SUFFIX;
    private static final String NET_A = UUID.randomUUID().toString();
    private static final String NET_B = UUID.randomUUID().toString();
    private static Path state;
    private static RuncDriver one;
    private static RuncDriver two;
    private static FileImageSource images;

    @BeforeAll
    static void twoHostsAndTheirUnderlay() throws IOException {
        ip("netns", "add", HOST_ONE);
        ip("netns", "add", HOST_TWO);
        ip("link", "add", UNDERLAY_ONE, "netns", HOST_ONE, "type", "veth", "peer", "name", UNDERLAY_TWO, "netns",
                HOST_TWO);
        ip("-n", HOST_ONE, "addr", "add", "192.168.177.1/24", "dev", UNDERLAY_ONE);
        ip("-n", HOST_TWO, "addr", "add", "192.168.177.2/24", "dev", UNDERLAY_TWO);
        for (String[] host : List.of(new String[] {HOST_ONE, UNDERLAY_ONE}, new String[] {HOST_TWO, UNDERLAY_TWO})) {
            ip("-n", host[0], "link", "set", "lo", "up");
            ip("-n", host[0], "link", "set", host[1], "up");
        }
        state = Files.createTempDirectory("kumo-vxlan-it");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx--x--x"));
        Path image = GuestImages.container(state.resolve("busybox.tar"));
        images = new FileImageSource().with(FileImageSource.image("busybox-image", "raw", Map.of()), image);
        one = new RuncDriver(settings("h1", 700_000_000L, HOST_ONE, "192.168.177.1", UNDERLAY_ONE), images);
        two = new RuncDriver(settings("h2", 710_000_000L, HOST_TWO, "192.168.177.2", UNDERLAY_TWO), images);
    }

    private static RuncSettings settings(String name, long ids, String namespace, String tunnelIp, String device) {
        return settings(name, ids, new HostNetworkSettings(namespace, tunnelIp, device, "239.1.1.1", 4789, Map.of()));
    }

    private static RuncSettings settings(String name, long ids, HostNetworkSettings network) {
        return new RuncSettings(state.resolve(name), "runc", ids, 4, 64, 1, Duration.ofSeconds(2), 2, 2048, 20,
                1.0, 1.0, 1.0, network, 1L << 30, StorageSettings.ext4());
    }

    @AfterAll
    static void removeAll() {
        for (RuncDriver driver : new RuncDriver[] {one, two}) {
            if (driver != null) {
                driver.instances().forEach(i -> driver.destroy(i.uuid()));
            }
        }
        quietly(List.of("ip", "netns", "del", HOST_ONE));
        quietly(List.of("ip", "netns", "del", HOST_TWO));
        if (state != null) {
            quietly(List.of("rm", "-rf", "--one-file-system", state.toString()));
        }
    }

    @Test
    void containersOfOneVxlanNetworkOnTwoHostsReachEachOtherAndNoOtherNetwork() {
        BuildServer a1 = build("ct-a1", NET_A, 4242, "10.79.0.11", "fa:16:3e:79:00:11");
        BuildServer a2 = build("ct-a2", NET_A, 4242, "10.79.0.12", "fa:16:3e:79:00:12");
        BuildServer b2 = build("ct-b2", NET_B, 4343, "10.79.0.13", "fa:16:3e:79:00:13");
        one.spawn(a1);
        two.spawn(a2);
        two.spawn(b2);

        assertThat(SH.run(List.of("ip", "-n", HOST_ONE, "-d", "link", "show", "vxlan-4242")))
                .contains("vxlan id 4242").contains("local 192.168.177.1").contains("group 239.1.1.1");
        assertThat(Files.exists(Path.of("/sys/class/net", "vxlan-4242"))).as("nothing in the machine's own namespace")
                .isFalse();
        assertThat(ping(a1, "10.79.0.12")).as("ct-a1 on host one reaches ct-a2 on host two over VXLAN").isTrue();
        assertThat(ping(a2, "10.79.0.11")).isTrue();
        assertThat(ping(a1, "10.79.0.13")).as("ct-b2 is on another network (VNI 4343)").isFalse();

        one.destroy(a1.instanceUuid());
        assertThat(SH.run(List.of("ip", "-n", HOST_ONE, "link", "show"))).as("the network's last port on host one")
                .doesNotContain("vxlan-4242").doesNotContain(a1.ports().get(0).bridge());
        two.destroy(a2.instanceUuid());
        two.destroy(b2.instanceUuid());
        assertThat(SH.run(List.of("ip", "-n", HOST_TWO, "link", "show"))).doesNotContain("vxlan-4242")
                .doesNotContain("vxlan-4343");
    }

    @Test
    void withAStaticPeerListInsteadOfMulticastTheHostsFloodToEachOtherByUnicast() {
        List<String> peers = List.of("192.168.177.1", "192.168.177.2");
        RuncDriver east = new RuncDriver(settings("h3", 720_000_000L, new HostNetworkSettings(HOST_ONE,
                "192.168.177.1", UNDERLAY_ONE, "239.1.1.1", 4789, Map.of(), peers)), images);
        RuncDriver west = new RuncDriver(settings("h4", 730_000_000L, new HostNetworkSettings(HOST_TWO,
                "192.168.177.2", UNDERLAY_TWO, "239.1.1.1", 4789, Map.of(), peers)), images);
        String net = UUID.randomUUID().toString();
        BuildServer e1 = build("ct-e1", net, 4444, "10.79.1.11", "fa:16:3e:79:01:11");
        BuildServer w1 = build("ct-w1", net, 4444, "10.79.1.12", "fa:16:3e:79:01:12");
        try {
            east.spawn(e1);
            west.spawn(w1);

            assertThat(SH.run(List.of("ip", "-n", HOST_ONE, "-d", "link", "show", "vxlan-4444")))
                    .contains("vxlan id 4444").doesNotContain("group 239.1.1.1");
            assertThat(SH.run(List.of("bridge", "-n", HOST_ONE, "fdb", "show", "dev", "vxlan-4444")))
                    .contains("00:00:00:00:00:00 dst 192.168.177.2");
            assertThat(ping(e1, "10.79.1.12")).as("over unicast flooding to the peer").isTrue();
            assertThat(ping(w1, "10.79.1.11")).isTrue();
        } finally {
            east.destroy(e1.instanceUuid());
            west.destroy(w1.instanceUuid());
        }
    }

    /** A ping from inside the container's network namespace, a few times (ARP and the flood learn first). */
    private static boolean ping(BuildServer from, String address) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                SH.run(List.of("ip", "netns", "exec", ContainerNetworks.namespaceOf(from.instanceUuid()), "busybox",
                        "ping", "-c", "1", "-W", "1", address));
                return true;
            } catch (HostCommands.HostCommandFailed e) {
                // not (yet) reachable
            }
        }
        return false;
    }

    private static BuildServer build(String name, String network, int vni, String ip, String mac) {
        String uuid = UUID.randomUUID().toString();
        String portId = UUID.randomUUID().toString();
        String meta = "{\"uuid\": \"" + uuid + "\", \"hostname\": \"" + name + "\", \"name\": \"" + name + "\"}";
        String networkData = """
                {"links": [{"id": "tap%s", "vif_id": "%s", "type": "bridge", "mtu": 1450,
                  "ethernet_mac_address": "%s"}],
                 "networks": [{"id": "network0", "type": "ipv4", "link": "tap%s", "ip_address": "%s",
                  "netmask": "255.255.255.0", "routes": [], "network_id": "%s"}], "services": []}"""
                .formatted(portId.substring(0, 11), portId, mac, portId.substring(0, 11), ip, network);
        return new BuildServer(uuid, "host", "project", name, name,
                new BuildServer.FlavorSpec("c1", "c1.tiny", 1, 64, 1, 0, 0, Map.of()),
                new BuildServer.ImageSpec("busybox-image", null, null, null, 0, null, Map.of()), "container",
                List.of(new BuildServer.PortSpec(portId, network, mac, List.of(new BuildServer.FixedIp("sub", ip)),
                        "brq" + network.substring(0, 11), 1450, "vxlan", vni, null)),
                new BuildServer.ConfigDrive(Map.of("openstack/latest/meta_data.json", b64(meta),
                        "openstack/latest/network_data.json", b64(networkData))), 1, "req-" + uuid);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void ip(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
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
