package io.kumo.network.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An address a port may also send from (a VIP moving between keepalived peers, say): an IPv4 address
 * or prefix, and the MAC with it (the port's own when not given).
 */
public record AddressPair(String ipAddress, String macAddress) {

    /** Neutron's {@code max_allowed_address_pair}. */
    public static final int MAX = 10;

    /** Checked and normalised: valid addresses, no duplicates, at most {@link #MAX}, port security on. */
    public static List<AddressPair> validated(List<AddressPair> pairs, String portMac, boolean portSecurity) {
        if (pairs.isEmpty()) {
            return pairs;
        }
        if (!portSecurity) {
            throw NeutronException.conflict("AddressPairAndPortSecurityRequired",
                    "Port Security must be enabled in order to have allowed address pairs on a port.");
        }
        if (pairs.size() > MAX) {
            throw new NeutronException(400, "AllowedAddressPairExhausted",
                    "The number of allowed address pair exceeds the maximum " + MAX + ".");
        }
        List<AddressPair> normal = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AddressPair pair : pairs) {
            String ip = pair.ipAddress() == null ? "" : pair.ipAddress().trim();
            String cidr = ip.contains("/") ? Cidr.parse(ip).toString() : null;
            if (cidr == null && Ipv4.parse(ip) < 0) {
                throw new InvalidNetworkInput("'" + pair.ipAddress() + "' is not a valid IP address or CIDR.");
            }
            String mac = pair.macAddress() == null ? portMac : MacAddresses.validate(pair.macAddress());
            AddressPair checked = new AddressPair(cidr != null ? cidr : ip, mac);
            if (!seen.add(checked.ipAddress() + "|" + checked.macAddress())) {
                throw new NeutronException(400, "DuplicateAddressPairInRequest", "Request contains duplicate address "
                        + "pair: mac_address " + mac + " ip_address " + checked.ipAddress() + ".");
            }
            normal.add(checked);
        }
        return normal;
    }
}
