package io.kumo.common.web;

/** A negotiated API microversion such as compute 2.1 or volume 3.0. */
public record Microversion(int major, int minor) implements Comparable<Microversion> {

    public static Microversion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Invalid microversion '" + text + "'");
        }
        try {
            return new Microversion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid microversion '" + text + "'", e);
        }
    }

    @Override
    public int compareTo(Microversion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
