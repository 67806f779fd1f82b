package io.kumo.network.domain;

import java.util.Locale;

/**
 * Neutron's {@code provider:network_type}s Kumo implements, and the segment ids each allows:
 * {@code local} (host-only, no segment), {@code flat} (a physical network, untagged), {@code vlan}
 * (802.1Q id 1–4094 on a physical network), {@code vxlan} (VNI 1–16,777,215).
 */
public enum NetworkType {
    LOCAL(0, 0, false), FLAT(0, 0, true), VLAN(1, 4094, true), VXLAN(1, 16_777_215, false);

    private final long minSegment;
    private final long maxSegment;
    private final boolean physical;

    NetworkType(long minSegment, long maxSegment, boolean physical) {
        this.minSegment = minSegment;
        this.maxSegment = maxSegment;
        this.physical = physical;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasSegments() {
        return maxSegment > 0;
    }

    public boolean needsPhysicalNetwork() {
        return physical;
    }

    public boolean validSegment(long id) {
        return id >= minSegment && id <= maxSegment;
    }

    public long maxSegment() {
        return maxSegment;
    }

    public static NetworkType fromWire(String value) {
        for (NetworkType type : values()) {
            if (type.wire().equals(value)) {
                return type;
            }
        }
        throw new InvalidNetworkInput("network type " + value + " is not supported: use local, flat, vlan or vxlan.");
    }
}
