package io.kumo.network.domain;

/**
 * An IPv4 subnet: its network address and prefix length. Host bits must be zero, as Neutron demands
 * ("10.0.0.5/24" is refused with the CIDR it should have been).
 */
public record Cidr(long network, int prefix) {

    /** The CIDR, or an {@link InvalidNetworkInput} saying what is wrong with the text. */
    public static Cidr parse(String text) {
        if (text == null || !text.contains("/")) {
            throw new InvalidNetworkInput("'" + text + "' is not a valid IP subnet.");
        }
        String[] parts = text.trim().split("/", 2);
        long address = Ipv4.parse(parts[0]);
        int prefix;
        try {
            prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (address < 0 || prefix < 0 || prefix > 32) {
            throw new InvalidNetworkInput("'" + text + "' is not a valid IP subnet.");
        }
        long mask = mask(prefix);
        if ((address & ~mask & 0xffffffffL) != 0) {
            throw new InvalidNetworkInput("'" + text + "' isn't a recommended CIDR, '" + Ipv4.format(address & mask)
                    + "/" + prefix + "' should be specified instead.");
        }
        return new Cidr(address, prefix);
    }

    public long first() {
        return network;
    }

    public long last() {
        return network | (~mask(prefix) & 0xffffffffL);
    }

    /** Addresses hosts may have: without the network and broadcast addresses (all of them in a /31 or /32). */
    public long firstHost() {
        return prefix >= 31 ? first() : first() + 1;
    }

    public long lastHost() {
        return prefix >= 31 ? last() : last() - 1;
    }

    public boolean contains(long address) {
        return address >= first() && address <= last();
    }

    public boolean overlaps(Cidr other) {
        return first() <= other.last() && other.first() <= last();
    }

    @Override
    public String toString() {
        return Ipv4.format(network) + "/" + prefix;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }
}
