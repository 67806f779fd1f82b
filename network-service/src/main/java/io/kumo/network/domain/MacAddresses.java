package io.kumo.network.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MAC addresses of ports: a configured base (Neutron's {@code base_mac}, default {@code fa:16:3e})
 * followed by random octets. Randomness spreads them; the database's unique index on the address —
 * one network-service database per deployment — is what makes two ports with one MAC impossible.
 */
public final class MacAddresses {

    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

    private final String[] base;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param base e.g. {@code fa:16:3e:00:00:00} or just {@code fa:16:3e}: the first three octets are
     *             kept, and after them any octet that is not {@code 00}; the rest is random
     */
    public MacAddresses(String base) {
        String[] octets = base.toLowerCase(Locale.ROOT).split(":");
        if (octets.length < 3 || octets.length > 6) {
            throw new IllegalArgumentException("base MAC must have 3 to 6 octets: " + base);
        }
        java.util.List<String> fixed = new java.util.ArrayList<>();
        for (int i = 0; i < octets.length; i++) {
            if (!octets[i].matches("[0-9a-f]{2}")) {
                throw new IllegalArgumentException("not a MAC octet: " + octets[i] + " in " + base);
            }
            if (i >= 3 && octets[i].equals("00")) {
                break;
            }
            fixed.add(octets[i]);
        }
        if ((Integer.parseInt(fixed.get(0), 16) & 1) != 0) {
            throw new IllegalArgumentException("base MAC " + base + " is a multicast address");
        }
        this.base = fixed.toArray(String[]::new);
    }

    public String next() {
        StringBuilder mac = new StringBuilder(String.join(":", base));
        for (int i = base.length; i < 6; i++) {
            mac.append(':').append(String.format("%02x", random.nextInt(256)));
        }
        return mac.toString();
    }

    /** Normalised (lower case), or an {@link InvalidNetworkInput} when not a unicast MAC. */
    public static String validate(String mac) {
        String normal = mac == null ? "" : mac.trim().toLowerCase(Locale.ROOT).replace('-', ':');
        if (!MAC.matcher(normal).matches() || (Integer.parseInt(normal.substring(0, 2), 16) & 1) != 0
                || normal.equals("00:00:00:00:00:00")) {
            throw new InvalidNetworkInput("'" + mac + "' is not a valid MAC address.");
        }
        return normal;
    }
}
