package io.kumo.agent.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.agent.driver.HostCommands;
import io.kumo.common.contract.host.BuildServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The exact commands a network's uplink takes — the {@code vlan} path included, which this machine's kernel
 * (no 802.1Q module) cannot run; {@code vxlan} is run for real by RuncVxlanIT.
 */
class UplinksTest {

    private final RecordingCommands commands = new RecordingCommands();
    private final HostLinks links = new HostLinks(commands, "host-ns");
    private final HostNetworkSettings settings = new HostNetworkSettings("host-ns", "192.0.2.10", "eth1", "239.1.1.1",
            4789, Map.of("physnet1", "eth2", "physnet2", "eth3"));
    private final Bridges bridges = new Bridges(links, new Uplinks(links, settings));

    @Test
    void aVlanNetworkGetsTheTaggedSubInterfaceOfItsPhysicalNetworksInterface() {
        bridges.withBridge(port("vlan", 120, "physnet1"), () -> null);

        assertThat(commands.issued()).containsSubsequence(
                "ip -n host-ns link add name brqnet-1 type bridge",
                "ip -n host-ns link add link eth2 name eth2.120 type vlan id 120",
                "ip -n host-ns link set eth2.120 mtu 1500",
                "ip -n host-ns link set eth2.120 master brqnet-1 up",
                "ip -n host-ns link set brqnet-1 up");
    }

    @Test
    void aVxlanNetworkGetsAVxlanDeviceOnTheTunnelAddressFloodingToTheGroup() {
        bridges.withBridge(port("vxlan", 4242, null), () -> null);

        assertThat(commands.issued()).contains("ip -n host-ns link add vxlan-4242 type vxlan id 4242 local 192.0.2.10"
                + " dstport 4789 group 239.1.1.1 dev eth1", "ip -n host-ns link set vxlan-4242 master brqnet-1 up");
    }

    @Test
    void withPeersAVxlanDeviceFloodsToEachOtherHostByUnicastInsteadOfTheGroup() {
        HostNetworkSettings unicast = new HostNetworkSettings("host-ns", "192.0.2.10", "eth1", "239.1.1.1", 4789,
                Map.of(), List.of("192.0.2.10", "192.0.2.11", "192.0.2.12"));
        new Bridges(links, new Uplinks(links, unicast)).withBridge(port("vxlan", 4242, null), () -> null);

        assertThat(commands.issued()).containsSubsequence(
                "ip -n host-ns link add vxlan-4242 type vxlan id 4242 local 192.0.2.10 dstport 4789 dev eth1",
                "bridge -n host-ns fdb append 00:00:00:00:00:00 dev vxlan-4242 dst 192.0.2.11",
                "bridge -n host-ns fdb append 00:00:00:00:00:00 dev vxlan-4242 dst 192.0.2.12",
                "ip -n host-ns link set vxlan-4242 master brqnet-1 up")
                .noneMatch(c -> c.contains("group") || c.contains("dst 192.0.2.10"));
    }

    @Test
    void aFlatNetworkTakesTheInterfaceItselfAndALocalOneNothing() {
        commands.existing.add("eth3");
        bridges.withBridge(port("flat", null, "physnet2"), () -> null);
        assertThat(commands.issued()).contains("ip -n host-ns link set eth3 master brqnet-1 up")
                .noneMatch(c -> c.contains("type vlan") || c.contains("type vxlan"));

        RecordingCommands local = new RecordingCommands();
        HostLinks localLinks = new HostLinks(local, "host-ns");
        new Bridges(localLinks, new Uplinks(localLinks, settings)).withBridge(port("local", null, null), () -> null);
        assertThat(local.issued()).containsExactly("ip -n host-ns link show dev brqnet-1",
                "ip -n host-ns link add name brqnet-1 type bridge", "ip -n host-ns link set brqnet-1 up");
    }

    @Test
    void aPhysicalNetworkThisHostDoesNotMapIsAClearError() {
        assertThatThrownBy(() -> bridges.withBridge(port("vlan", 7, "physnet9"), () -> null))
                .hasMessageContaining("physical network physnet9").hasMessageContaining("physical-interface-mappings");
    }

    @Test
    void theLastGuestGoneTheVlanSubInterfaceAndTheBridgeGoWhileAPhysicalInterfaceIsOnlyReleased() {
        commands.existing.addAll(List.of("brqnet-1", "eth2.120", "eth3"));
        commands.enslaved = "5: eth2.120@eth2: <BROADCAST> mtu 1500\n6: eth3: <BROADCAST> mtu 1500\n";

        bridges.removeIfUnused("brqnet-1");

        assertThat(commands.issued()).containsSubsequence("ip -n host-ns link del eth2.120",
                "ip -n host-ns link set eth3 nomaster", "ip -n host-ns link del brqnet-1");
    }

    @Test
    void aBridgeWithAGuestsNicStays() {
        commands.existing.add("brqnet-1");
        commands.enslaved = "5: vxlan-4242: <BROADCAST> mtu 1450\n7: tapabc@if6: <BROADCAST> mtu 1450\n";

        bridges.removeIfUnused("brqnet-1");

        assertThat(commands.issued()).noneMatch(c -> c.contains(" del "));
    }

    private static BuildServer.PortSpec port(String type, Integer segment, String physnet) {
        return new BuildServer.PortSpec("port-1", "net-1", "fa:16:3e:00:00:01", List.of(), null, 1500, type, segment,
                physnet);
    }

    /** Records commands; {@code ip link show dev X} succeeds only for links in {@code existing}. */
    private static final class RecordingCommands extends HostCommands {
        private final List<String> issued = new ArrayList<>();
        private final Set<String> existing = new HashSet<>();
        private String enslaved = "";

        RecordingCommands() {
            super(Duration.ofSeconds(1));
        }

        @Override
        public String run(List<String> command, Duration timeout, Path output) {
            String line = String.join(" ", command);
            issued.add(line);
            if (line.contains(" link show dev ")) {
                String link = command.get(command.size() - 1);
                if (!existing.contains(link)) {
                    throw new HostCommandFailed(command, 1, "Device \"" + link + "\" does not exist.");
                }
            }
            if (line.contains(" link show master ")) {
                return enslaved;
            }
            return "";
        }

        List<String> issued() {
            return issued;
        }
    }
}
