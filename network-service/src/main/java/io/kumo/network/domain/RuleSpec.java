package io.kumo.network.domain;

import java.util.Locale;
import java.util.Map;

/**
 * A security group rule as Neutron validates and normalises it: direction, ethertype, protocol (a
 * name, a number 0–255 or any), a port range only for port-based protocols (an ICMP type and code
 * for ICMP), and at most one remote (an address prefix matching the ethertype, or a group). Two rules
 * with the same {@link #fingerprint()} are the same rule.
 */
public record RuleSpec(String direction, String ethertype, String protocol, Integer portMin, Integer portMax,
        String remoteIpPrefix, String remoteGroupId) {

    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(Map.entry("ah", 51), Map.entry("dccp", 33),
            Map.entry("egp", 8), Map.entry("esp", 50), Map.entry("gre", 47), Map.entry("icmp", 1),
            Map.entry("icmpv6", 58), Map.entry("ipv6-icmp", 58), Map.entry("igmp", 2), Map.entry("ospf", 89),
            Map.entry("pgm", 113), Map.entry("rsvp", 46), Map.entry("sctp", 132), Map.entry("tcp", 6),
            Map.entry("udp", 17), Map.entry("udplite", 136), Map.entry("vrrp", 112));
    private static final java.util.Set<String> WITH_PORTS = java.util.Set.of("tcp", "udp", "sctp", "udplite", "dccp",
            "6", "17", "132", "136", "33");
    private static final java.util.Set<String> ICMP = java.util.Set.of("icmp", "icmpv6", "ipv6-icmp", "1", "58");

    public static RuleSpec validated(String direction, String ethertype, String protocol, Long portMin, Long portMax,
            String remoteIpPrefix, String remoteGroupId) {
        if (!"ingress".equals(direction) && !"egress".equals(direction)) {
            throw new InvalidNetworkInput("direction must be ingress or egress, not " + direction + ".");
        }
        String ether = ethertype == null ? "IPv4" : ethertype;
        if (!ether.equals("IPv4") && !ether.equals("IPv6")) {
            throw new NeutronException(400, "SecurityGroupRuleInvalidEtherType", "Security group rule for ethertype '"
                    + ethertype + "' not supported. Allowed values are ['IPv4', 'IPv6'].");
        }
        String proto = protocol(protocol);
        Integer min = portMin == null ? null : portMin.intValue();
        Integer max = portMax == null ? null : portMax.intValue();
        if ((min != null || max != null) && proto == null) {
            throw new NeutronException(400, "SecurityGroupProtocolRequiredWithPorts",
                    "Must also specify protocol if port range is given.");
        }
        if (proto != null && WITH_PORTS.contains(proto)) {
            checkPorts(min, max);
            if (min != null && max != null && min == 1 && max == 65535) {
                min = null; // the whole range is the same as none
                max = null;
            }
        } else if (proto != null && ICMP.contains(proto)) {
            checkIcmp(min, max);
        } else if (min != null || max != null) {
            throw new NeutronException(400, "SecurityGroupInvalidProtocolForPort", "Invalid protocol " + proto
                    + " for port range, only supported for TCP, UDP, UDPLITE, SCTP and DCCP.");
        }
        if (remoteIpPrefix != null && remoteGroupId != null) {
            throw new NeutronException(400, "SecurityGroupRemoteGroupAndRemoteIpPrefix",
                    "Only remote_ip_prefix or remote_group_id may be provided.");
        }
        return new RuleSpec(direction, ether, proto, min, max, prefix(remoteIpPrefix, ether), remoteGroupId);
    }

    /** Equal for rules Neutron considers the same (0.0.0.0/0 and no prefix alike). */
    public String fingerprint() {
        String prefix = remoteIpPrefix == null || remoteIpPrefix.equals("0.0.0.0/0") ? "*" : remoteIpPrefix;
        return String.join("|", direction, ethertype, String.valueOf(protocol), String.valueOf(portMin),
                String.valueOf(portMax), prefix, String.valueOf(remoteGroupId));
    }

    private static String protocol(String protocol) {
        if (protocol == null || protocol.isEmpty() || protocol.equalsIgnoreCase("any")) {
            return null;
        }
        String p = protocol.toLowerCase(Locale.ROOT);
        if (PROTOCOLS.containsKey(p)) {
            return p;
        }
        if (p.matches("\\d{1,3}") && Integer.parseInt(p) <= 255) {
            return String.valueOf(Integer.parseInt(p));
        }
        throw new NeutronException(400, "SecurityGroupRuleInvalidProtocol", "Security group rule protocol " + protocol
                + " not supported. Only protocol values " + PROTOCOLS.keySet() + " and integer representations [0 to 255] "
                + "are supported.");
    }

    private static void checkPorts(Integer min, Integer max) {
        for (Integer port : new Integer[] {min, max}) {
            if (port != null && (port < 1 || port > 65535)) {
                throw new NeutronException(400, "SecurityGroupInvalidPortValue", "Invalid value for port " + port + ".");
            }
        }
        if (min != null && max != null && min > max) {
            throw new NeutronException(400, "SecurityGroupInvalidPortRange",
                    "For TCP/UDP protocols, port_range_min must be <= port_range_max");
        }
    }

    private static void checkIcmp(Integer type, Integer code) {
        for (Integer value : new Integer[] {type, code}) {
            if (value != null && (value < 0 || value > 255)) {
                throw new NeutronException(400, "SecurityGroupInvalidIcmpValue", "Invalid value for ICMP "
                        + (value.equals(type) ? "type" : "code") + " (port_range_min/port_range_max): " + value + ".");
            }
        }
        if (type == null && code != null) {
            throw new NeutronException(400, "SecurityGroupMissingIcmpType",
                    "ICMP code (port-range-max) " + code + " is provided but ICMP type (port-range-min) is missing.");
        }
    }

    private static String prefix(String prefix, String ethertype) {
        if (prefix == null) {
            return null;
        }
        if (prefix.contains(":")) {
            if (ethertype.equals("IPv4")) {
                throw new NeutronException(400, "SecurityGroupRuleParameterConflict",
                        "Conflicting value ethertype IPv4 for CIDR " + prefix);
            }
            return prefix; // IPv6 prefixes are kept as given
        }
        if (ethertype.equals("IPv6")) {
            throw new NeutronException(400, "SecurityGroupRuleParameterConflict",
                    "Conflicting value ethertype IPv6 for CIDR " + prefix);
        }
        String withLength = prefix.contains("/") ? prefix : prefix + "/32";
        try {
            return Cidr.parse(withLength).toString();
        } catch (InvalidNetworkInput e) {
            throw new NeutronException(400, "InvalidCIDR", "Invalid CIDR " + prefix + " given as IP prefix.");
        }
    }
}
