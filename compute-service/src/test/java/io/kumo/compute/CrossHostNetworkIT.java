package io.kumo.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two hosts on one machine, through the public API: two runc agent processes whose bridges, VXLAN devices
 * and veths live in network namespaces of their own, joined by a veth pair (the underlay "switch"), each
 * its own availability zone. Containers booted on one network in the two zones reach each other over the
 * network's VXLAN segment; a container on another network does not reach them.
 */
class CrossHostNetworkIT extends ServerCloudIT {

    private static final String SUFFIX = Long.toString(System.nanoTime() % 1_000_000, 36);

    @Test
    void containersOfOneNetworkOnTwoHostsReachEachOtherOverVxlanAndNotAcrossNetworks() throws Exception {
        String nsOne = "kumo-h1-" + SUFFIX;
        String nsTwo = "kumo-h2-" + SUFFIX;
        Path state = Files.createTempDirectory("kumo-compute-it-hosts");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx--x--x"));
        List<ServiceProcess> agents = new ArrayList<>();
        List<String> created = new CopyOnWriteArrayList<>();
        try {
            underlay(nsOne, "uly" + SUFFIX, nsTwo, "ulz" + SUFFIX);
            String zoneOne = unique("zone-one");
            String zoneTwo = unique("zone-two");
            String hostOne = unique("host-one");
            String hostTwo = unique("host-two");
            agents.add(agent(hostOne, zoneOne, state.resolve("one"), nsOne, "192.168.181.1", "uly" + SUFFIX,
                    610_000_000L));
            agents.add(agent(hostTwo, zoneTwo, state.resolve("two"), nsTwo, "192.168.181.2", "ulz" + SUFFIX,
                    620_000_000L));
            awaitHypervisor(hostOne);
            awaitHypervisor(hostTwo);

            String demo = demoToken();
            String image = containerImage(state, demo);
            String shared = networkOf(demo, "10.47.0");
            String other = networkOf(demo, "10.48.0");
            String a = bootGuest(demo, unique("ct-a"), image, zoneOne, "a", "default", shared);
            created.add(a);
            String b = bootGuest(demo, unique("ct-b"), image, zoneTwo, "b", "default", shared);
            created.add(b);
            String c = bootGuest(demo, unique("ct-c"), image, zoneTwo, "c", "default", other);
            created.add(c);
            String addressB = address(awaitStatus(b, "ACTIVE", demo));
            String addressC = address(awaitStatus(c, "ACTIVE", demo));
            String addressA = address(awaitStatus(a, "ACTIVE", demo));

            int vni = neutron.get("/v2.0/networks/" + shared, adminToken()).json().get("network")
                    .get("provider:segmentation_id").asInt();
            assertThat(run("ip", "-n", nsOne, "-d", "link", "show", "vxlan-" + vni)).contains("vxlan id " + vni)
                    .contains("local 192.168.181.1");
            assertThat(run("ip", "-n", nsTwo, "-d", "link", "show", "vxlan-" + vni)).contains("local 192.168.181.2");
            Awaitility.await("ct-a on host one reaches ct-b on host two").atMost(Duration.ofSeconds(20))
                    .until(() -> ping(a, addressB));
            assertThat(ping(b, addressA)).isTrue();
            assertThat(ping(a, addressC)).as("ct-c is on another network").isFalse();
            assertThat(ping(c, addressB)).isFalse();

            deleteQuietly(created);
            Awaitility.await("the hosts' bridges and VXLAN devices go with the last ports").atMost(Duration.ofSeconds(30))
                    .until(() -> !run("ip", "-n", nsOne, "link", "show").contains("vxlan-")
                            && !run("ip", "-n", nsTwo, "link", "show").contains("vxlan-"));
        } finally {
            deleteQuietly(created);
            agents.forEach(ServiceProcess::close);
            quietly("ip", "netns", "del", nsOne);
            quietly("ip", "netns", "del", nsTwo);
            quietly("rm", "-rf", "--one-file-system", state.toString());
        }
    }

    private static ServiceProcess agent(String host, String zone, Path stateDir, String namespace, String tunnelIp,
            String tunnelDevice, long idRange) {
        return CloudProcesses.runcAgent(host, zone, stateDir, IDENTITY.url(), IMAGE_PORT, List.of(
                "--agent.runc.id-range-first=" + idRange, "--agent.network.namespace=" + namespace,
                "--agent.network.tunnel-ip=" + tunnelIp, "--agent.network.tunnel-interface=" + tunnelDevice));
    }

    /** Two namespaces joined by a veth pair with an address on each end. */
    private static void underlay(String nsOne, String devOne, String nsTwo, String devTwo) {
        run("ip", "netns", "add", nsOne);
        run("ip", "netns", "add", nsTwo);
        run("ip", "link", "add", devOne, "netns", nsOne, "type", "veth", "peer", "name", devTwo, "netns", nsTwo);
        run("ip", "-n", nsOne, "addr", "add", "192.168.181.1/24", "dev", devOne);
        run("ip", "-n", nsTwo, "addr", "add", "192.168.181.2/24", "dev", devTwo);
        for (String[] end : List.of(new String[] {nsOne, devOne}, new String[] {nsTwo, devTwo})) {
            run("ip", "-n", end[0], "link", "set", "lo", "up");
            run("ip", "-n", end[0], "link", "set", end[1], "up");
        }
    }

    private static String address(JsonNode server) {
        return server.get("addresses").findValues("addr").get(0).asString();
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void quietly(String... command) {
        try {
            run(command);
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
