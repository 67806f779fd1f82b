package io.kumo.network.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Segment ids tenant networks get, from configuration: {@code 1:1000} (VXLAN VNIs) or
 * {@code physnet1:100:200} (VLAN ids on a physical network), as Neutron's {@code vni_ranges} and
 * {@code network_vlan_ranges}.
 */
public record SegmentRange(NetworkType type, String physicalNetwork, long first, long last) {

    public static List<SegmentRange> parseVxlan(List<String> ranges) {
        List<SegmentRange> parsed = new ArrayList<>();
        for (String range : ranges) {
            String[] parts = range.trim().split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("VNI range must be first:last, got " + range);
            }
            parsed.add(checked(new SegmentRange(NetworkType.VXLAN, null, Long.parseLong(parts[0]), Long.parseLong(parts[1]))));
        }
        return parsed;
    }

    public static List<SegmentRange> parseVlan(List<String> ranges) {
        List<SegmentRange> parsed = new ArrayList<>();
        for (String range : ranges) {
            String[] parts = range.trim().split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("VLAN range must be physnet:first:last, got " + range);
            }
            parsed.add(checked(new SegmentRange(NetworkType.VLAN, parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]))));
        }
        return parsed;
    }

    public long size() {
        return last - first + 1;
    }

    private static SegmentRange checked(SegmentRange range) {
        if (range.first > range.last || !range.type.validSegment(range.first) || !range.type.validSegment(range.last)) {
            throw new IllegalArgumentException("invalid " + range.type.wire() + " range " + range.first + ":" + range.last);
        }
        return range;
    }
}
