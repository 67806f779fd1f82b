package io.kumo.agent.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A port's firewall as one nftables transaction that replaces the port's tables at once: a {@code bridge}
 * table (hook forward, before br_netfilter) that drops frames from the guest with another source MAC, IP or
 * ARP address and marks frames to the guest with the port's mark; an {@code inet} table (hook forward, where
 * br_netfilter passes bridged IP traffic with connection tracking) that lets marked packets in when they
 * answer the guest's own connections or match an ingress rule, and drops the rest. ARP is not IP and passes;
 * IPv6 neighbour discovery is allowed.
 */
public final class NftRuleset {

    private NftRuleset() {
    }

    public static String tableOf(String tap) {
        return "kumo-" + tap;
    }

    /** The transaction that makes (or replaces) the port's tables; {@code mark} tells its packets apart. */
    public static String replace(PortFilter filter, int mark) {
        String table = tableOf(filter.tap());
        StringBuilder nft = new StringBuilder(remove(filter.tap()));
        String tap = quoted(filter.tap());
        nft.append("table bridge ").append(table).append(" {\n");
        nft.append("  chain forward {\n    type filter hook forward priority -200; policy accept;\n");
        if (filter.portSecurity()) {
            List<String> v4 = filter.addresses().stream().filter(a -> !a.contains(":")).toList();
            List<String> v6 = filter.addresses().stream().filter(a -> a.contains(":")).toList();
            nft.append("    iifname ").append(tap).append(" ether saddr != ").append(filter.macAddress())
                    .append(" drop\n");
            nft.append("    iifname ").append(tap).append(" ether type ip ")
                    .append(v4.isEmpty() ? "drop\n" : "ip saddr != " + set(v4) + " drop\n");
            nft.append("    iifname ").append(tap).append(" ether type arp ")
                    .append(v4.isEmpty() ? "drop\n" : "arp saddr ip != " + set(v4) + " drop\n");
            List<String> v6Allowed = new ArrayList<>(v6);
            v6Allowed.add("fe80::/10");
            v6Allowed.add("::");
            nft.append("    iifname ").append(tap).append(" ether type ip6 ip6 saddr != ").append(set(v6Allowed))
                    .append(" drop\n");
            nft.append("    oifname ").append(tap).append(" meta mark set ").append(hex(mark)).append('\n');
        }
        nft.append("  }\n}\n");
        if (filter.portSecurity()) {
            nft.append("table inet ").append(table).append(" {\n");
            nft.append("  chain forward {\n    type filter hook forward priority 0; policy accept;\n");
            nft.append("    meta mark ").append(hex(mark)).append(" jump to-guest\n  }\n");
            nft.append("  chain to-guest {\n");
            nft.append("    ct state established,related accept\n    ct state invalid drop\n");
            nft.append("    icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-advert } accept\n");
            for (PortFilter.Rule rule : filter.ingress()) {
                String line = rule(rule);
                if (line != null) {
                    nft.append("    ").append(line).append(" accept\n");
                }
            }
            nft.append("    drop\n  }\n}\n");
        }
        return nft.toString();
    }

    /** The transaction that removes the port's tables (none there is fine: each is made, then deleted). */
    public static String remove(String tap) {
        String table = tableOf(tap);
        return "table bridge " + table + "\ndelete table bridge " + table + "\ntable inet " + table
                + "\ndelete table inet " + table + "\n";
    }

    /** One rule's match, or null when it can match nothing (a remote group without members). */
    static String rule(PortFilter.Rule rule) {
        boolean v6 = "IPv6".equalsIgnoreCase(rule.ethertype());
        List<String> parts = new ArrayList<>();
        if (!rule.anySource()) {
            List<String> remotes = rule.remotes().stream().filter(r -> r.contains(":") == v6).toList();
            if (remotes.isEmpty()) {
                return null;
            }
            parts.add((v6 ? "ip6" : "ip") + " saddr " + set(remotes));
        } else {
            parts.add("meta nfproto " + (v6 ? "ipv6" : "ipv4"));
        }
        String protocol = rule.protocol() == null ? null : rule.protocol().toLowerCase(Locale.ROOT);
        if (protocol == null || protocol.equals("any")) {
            return String.join(" ", parts);
        }
        switch (protocol) {
            case "tcp", "udp", "6", "17" -> {
                String name = protocol.equals("6") ? "tcp" : protocol.equals("17") ? "udp" : protocol;
                parts.add("meta l4proto " + name);
                if (rule.portMin() != null) {
                    int max = rule.portMax() == null ? rule.portMin() : rule.portMax();
                    parts.add(name + " dport " + (max == rule.portMin() ? rule.portMin() : rule.portMin() + "-" + max));
                }
            }
            case "icmp", "1", "ipv6-icmp", "icmpv6", "58" -> {
                String name = v6 ? "icmpv6" : "icmp";
                parts.add("meta l4proto " + (v6 ? "ipv6-icmp" : "icmp"));
                if (rule.portMin() != null) {
                    parts.add(name + " type " + rule.portMin());
                    if (rule.portMax() != null) {
                        parts.add(name + " code " + rule.portMax());
                    }
                }
            }
            default -> {
                if (!protocol.matches("\\d{1,3}")) {
                    return null;
                }
                parts.add("meta l4proto " + protocol);
            }
        }
        return String.join(" ", parts);
    }

    private static String set(List<String> values) {
        return "{ " + String.join(", ", values) + " }";
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "") + "\"";
    }

    private static String hex(int mark) {
        return String.format("0x%08x", mark);
    }
}
