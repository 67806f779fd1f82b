package io.kumo.agent.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NftRulesetTest {

    private static final PortFilter WEB = new PortFilter("port-1", "net-1", "tapaaaabbbb-cc", "fa:16:3e:00:00:01",
            List.of("10.0.0.5"), true, java.util.Set.of("web"), java.util.Set.of("default"), List.of(
                    new PortFilter.Rule("IPv4", "tcp", 80, 80, List.of(), true),
                    new PortFilter.Rule("IPv4", "tcp", 8000, 8099, List.of("192.0.2.0/24"), false),
                    new PortFilter.Rule("IPv4", "icmp", null, null, List.of("10.0.0.6", "10.0.0.7"), false),
                    new PortFilter.Rule("IPv4", null, null, null, List.of(), false),
                    new PortFilter.Rule("IPv6", "icmp", 128, null, List.of(), true)));

    @Test
    void aPortIsGuardedAgainstSpoofingAndLetsInOnlyAnswersAndWhatItsRulesAllow() {
        String nft = NftRuleset.replace(WEB, 0x4b520007);

        assertThat(nft).startsWith("table bridge kumo-tapaaaabbbb-cc\ndelete table bridge kumo-tapaaaabbbb-cc\n"
                + "table inet kumo-tapaaaabbbb-cc\ndelete table inet kumo-tapaaaabbbb-cc\n");
        assertThat(nft).contains(
                "iifname \"tapaaaabbbb-cc\" ether saddr != fa:16:3e:00:00:01 drop",
                "iifname \"tapaaaabbbb-cc\" ether type ip ip saddr != { 10.0.0.5 } drop",
                "iifname \"tapaaaabbbb-cc\" ether type arp arp saddr ip != { 10.0.0.5 } drop",
                "iifname \"tapaaaabbbb-cc\" ether type ip6 ip6 saddr != { fe80::/10, :: } drop",
                "oifname \"tapaaaabbbb-cc\" meta mark set 0x4b520007",
                "meta mark 0x4b520007 jump to-guest",
                "ct state established,related accept",
                "meta nfproto ipv4 meta l4proto tcp tcp dport 80 accept",
                "ip saddr { 192.0.2.0/24 } meta l4proto tcp tcp dport 8000-8099 accept",
                "ip saddr { 10.0.0.6, 10.0.0.7 } meta l4proto icmp accept",
                "meta nfproto ipv6 meta l4proto ipv6-icmp icmpv6 type 128 accept");
        assertThat(nft).as("a remote group without members matches nothing").doesNotContain("ip saddr { } ");
        assertThat(nft.strip()).endsWith("drop\n  }\n}");
    }

    @Test
    void aFilterIsTouchedByItsGroupsRulesAndByMembersOfItsRemoteGroupsOnItsNetwork() {
        assertThat(WEB.touchedBy(io.kumo.agent.driver.FirewallChange.rulesOf("web"))).isTrue();
        assertThat(WEB.touchedBy(io.kumo.agent.driver.FirewallChange.rulesOf("default"))).isTrue();
        assertThat(WEB.touchedBy(io.kumo.agent.driver.FirewallChange.rulesOf("db"))).isFalse();
        assertThat(WEB.touchedBy(io.kumo.agent.driver.FirewallChange.portOf("net-1", List.of("default")))).isTrue();
        assertThat(WEB.touchedBy(io.kumo.agent.driver.FirewallChange.portOf("net-2", List.of("default"))))
                .as("another network's port never reaches this bridge").isFalse();
        assertThat(WEB.touchedBy(io.kumo.agent.driver.FirewallChange.portOf("net-1", List.of("web"))))
                .as("no rule names web as remote group").isFalse();
    }

    @Test
    void aPortWithoutSecurityGetsNoFilterAndNoMark() {
        String nft = NftRuleset.replace(PortFilter.open("port-2", "net-1", "tapdddd", "fa:16:3e:00:00:02", List.of("10.0.0.8")),
                0x4b520008);

        assertThat(nft).doesNotContain("drop").doesNotContain("mark").doesNotContain("table inet kumo-tapdddd {");
    }
}
