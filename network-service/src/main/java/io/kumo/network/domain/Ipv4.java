package io.kumo.network.domain;

/** IPv4 addresses as unsigned 32-bit numbers held in a long, so ranges are arithmetic. */
public final class Ipv4 {

    private Ipv4() {
    }

    /** The address, or -1 when the text is not a dotted-quad IPv4 address. */
    public static long parse(String text) {
        if (text == null) {
            return -1;
        }
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255 || (part.length() > 1 && part.charAt(0) == '0')) {
                return -1;
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    public static String format(long address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }
}
