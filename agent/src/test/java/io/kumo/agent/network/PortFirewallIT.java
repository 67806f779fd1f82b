package io.kumo.agent.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.agent.driver.HostCommands;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The firewall with this host's nftables and br_netfilter: two "guests" (network namespaces of the test's
 * own) on a bridge, their host ends filtered as two ports.
 */
class PortFirewallIT {

    private static final HostCommands SH = new HostCommands(Duration.ofSeconds(30));
    private static final String SUFFIX = Long.toString(System.nanoTime() % 1_000_000, 36);
    private static final String BRIDGE = "brqfw" + SUFFIX;
    private static final String GUEST_A = "kumo-fwa-" + SUFFIX;
    private static final String GUEST_B = "kumo-fwb-" + SUFFIX;
    private static final String TAP_A = "tapfwa" + SUFFIX;
    private static final String TAP_B = "tapfwb" + SUFFIX;
    private static final PortFirewall FIREWALL = new PortFirewall(SH, null, 0x4b540000);

    @BeforeAll
    static void twoGuestsOnABridge() {
        ip("link", "add", BRIDGE, "type", "bridge");
        ip("link", "set", BRIDGE, "up");
        for (String[] guest : List.of(new String[] {GUEST_A, TAP_A, "10.98.0.1", "fa:16:3e:98:00:01"},
                new String[] {GUEST_B, TAP_B, "10.98.0.2", "fa:16:3e:98:00:02"})) {
            ip("netns", "add", guest[0]);
            ip("link", "add", guest[1], "type", "veth", "peer", "name", "eth0", "netns", guest[0]);
            ip("link", "set", guest[1], "master", BRIDGE, "up");
            ip("-n", guest[0], "link", "set", "eth0", "address", guest[3], "up");
            ip("-n", guest[0], "addr", "add", guest[2] + "/24", "dev", "eth0");
        }
    }

    @AfterAll
    static void removeAll() {
        FIREWALL.remove(TAP_A);
        FIREWALL.remove(TAP_B);
        for (List<String> command : List.of(List.of("ip", "netns", "del", GUEST_A), List.of("ip", "netns", "del", GUEST_B),
                List.of("ip", "link", "del", BRIDGE))) {
            try {
                SH.run(command);
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    @Test
    void ingressFollowsTheRulesAnswersComeBackARuleChangeTakesEffectAndSpoofedSourcesAreDropped() {
        assertThat(ping(GUEST_A, "10.98.0.2")).as("no filter yet").isTrue();

        FIREWALL.apply(filter(TAP_B, "fa:16:3e:98:00:02", "10.98.0.2", List.of()));
        FIREWALL.apply(filter(TAP_A, "fa:16:3e:98:00:01", "10.98.0.1", List.of()));
        assertThat(ping(GUEST_A, "10.98.0.2")).as("B has no ingress rule").isFalse();
        assertThat(ping(GUEST_B, "10.98.0.1")).as("nor has A").isFalse();

        FIREWALL.apply(filter(TAP_B, "fa:16:3e:98:00:02", "10.98.0.2",
                List.of(new PortFilter.Rule("IPv4", "icmp", null, null, List.of("10.98.0.0/24"), false))));
        assertThat(ping(GUEST_A, "10.98.0.2")).as("the rule added to B's group takes effect; the answer comes back"
                + " through A's firewall as an established connection").isTrue();
        assertThat(ping(GUEST_B, "10.98.0.1")).as("A still lets nothing in").isFalse();

        ip("-n", GUEST_A, "addr", "add", "10.98.0.9/24", "dev", "eth0");
        assertThat(pingFrom(GUEST_A, "10.98.0.9", "10.98.0.2")).as("A spoofing another address").isFalse();
        ip("-n", GUEST_A, "addr", "del", "10.98.0.9/24", "dev", "eth0");

        FIREWALL.remove(TAP_B);
        FIREWALL.remove(TAP_A);
        assertThat(ping(GUEST_B, "10.98.0.1")).as("firewalls removed").isTrue();
        assertThat(SH.run(List.of("nft", "list", "tables"))).doesNotContain("kumo-" + TAP_A);
    }

    private static PortFilter filter(String tap, String mac, String ip, List<PortFilter.Rule> rules) {
        return new PortFilter("port-" + tap, "net", tap, mac, List.of(ip), true, java.util.Set.of("g"),
                java.util.Set.of(), rules);
    }

    private static boolean ping(String from, String to) {
        return pingFrom(from, null, to);
    }

    private static boolean pingFrom(String from, String source, String to) {
        List<String> command = new java.util.ArrayList<>(List.of("ip", "netns", "exec", from, "busybox", "ping", "-c",
                "1", "-W", "1"));
        if (source != null) {
            command.addAll(List.of("-I", source));
        }
        command.add(to);
        try {
            SH.run(command);
            return true;
        } catch (HostCommands.HostCommandFailed e) {
            return false;
        }
    }

    private static void ip(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        SH.run(command);
    }
}
