package io.kumo.network.application;

import io.kumo.network.domain.NeutronException;
import io.kumo.network.domain.Segment;
import io.kumo.network.domain.SegmentRange;
import io.kumo.network.persistence.NetworkSegment;
import io.kumo.network.persistence.NetworkSegmentRepository;
import java.security.SecureRandom;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Gives networks their segments. A tenant network gets a free id from the configured ranges (VXLAN
 * VNIs, else VLAN ids), picked at random so concurrent creates rarely meet; with no ranges it is
 * {@code local}. An admin's provider segment is taken as asked. Either way the segment table's
 * primary key makes it impossible for two networks to hold one segment.
 */
@Component
class SegmentAllocator {

    private static final int ATTEMPTS = 64;

    private final NetworkSegmentRepository segments;
    private final List<SegmentRange> tenantRanges;
    private final SecureRandom random = new SecureRandom();

    SegmentAllocator(NetworkSegmentRepository segments, TenantSegments tenantRanges) {
        this.segments = segments;
        this.tenantRanges = tenantRanges.ranges();
    }

    /** A free segment for a tenant network; {@link #claim} takes it once the network row exists. */
    Segment pickTenantSegment() {
        if (tenantRanges.isEmpty()) {
            return Segment.LOCAL;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SegmentRange range = tenantRanges.get(random.nextInt(tenantRanges.size()));
            long id = range.first() + (long) (random.nextDouble() * range.size());
            Segment candidate = new Segment(range.type(), range.physicalNetwork(), id);
            if (!taken(candidate)) {
                return candidate;
            }
        }
        throw new NeutronException(503, "NoNetworkAvailable",
                "Unable to create the network. No tenant network is available for allocation.");
    }

    /** Takes the segment for the network; 409 when another network holds it. */
    void claim(Segment segment, String networkId) {
        if (segment.segmentationId() == null && segment.type().hasSegments()) {
            throw new NeutronException(400, "InvalidInput",
                    "Invalid input for operation: provider:segmentation_id is required for " + segment.type().wire() + ".");
        }
        if (!segment.type().hasSegments() && !segment.type().needsPhysicalNetwork()) {
            return; // local: nothing to hold
        }
        if (taken(segment)) {
            throw NeutronException.conflict(segment.type().wire().equals("vlan") ? "VlanIdInUse"
                    : segment.type().wire().equals("flat") ? "FlatNetworkInUse" : "TunnelIdInUse",
                    "Unable to create the network. The " + describe(segment) + " is in use.");
        }
        segments.saveAndFlush(new NetworkSegment(segment.type().wire(), segment.physicalKey(), idOf(segment), networkId));
    }

    private boolean taken(Segment segment) {
        return segments.existsById(new NetworkSegment.Key(segment.type().wire(), segment.physicalKey(), idOf(segment)));
    }

    private static long idOf(Segment segment) {
        return segment.segmentationId() == null ? 0 : segment.segmentationId();
    }

    private static String describe(Segment segment) {
        return switch (segment.type()) {
            case VLAN -> "VLAN " + segment.segmentationId() + " on physical network " + segment.physicalNetwork();
            case FLAT -> "physical network " + segment.physicalNetwork();
            default -> "tunnel ID " + segment.segmentationId();
        };
    }
}
