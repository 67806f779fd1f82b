package io.kumo.network.domain;

/**
 * Where a network's traffic goes: its type, the physical network (flat, vlan) and the segment id
 * (VLAN id or VNI). A segment belongs to at most one network in the whole deployment.
 *
 * @param physicalNetwork null for local and vxlan
 * @param segmentationId  null for local and flat
 */
public record Segment(NetworkType type, String physicalNetwork, Long segmentationId) {

    public static final Segment LOCAL = new Segment(NetworkType.LOCAL, null, null);

    /** A provider segment an admin asked for, checked. */
    public static Segment requested(String type, String physicalNetwork, Long segmentationId) {
        NetworkType networkType = NetworkType.fromWire(type);
        if (networkType.needsPhysicalNetwork() && (physicalNetwork == null || physicalNetwork.isBlank())) {
            throw new InvalidNetworkInput(type + " networks need provider:physical_network.");
        }
        if (!networkType.needsPhysicalNetwork() && physicalNetwork != null) {
            throw new InvalidNetworkInput(type + " networks have no provider:physical_network.");
        }
        if (!networkType.hasSegments() && segmentationId != null) {
            throw new InvalidNetworkInput(type + " networks have no provider:segmentation_id.");
        }
        if (networkType.hasSegments() && segmentationId != null && !networkType.validSegment(segmentationId)) {
            throw new InvalidNetworkInput("provider:segmentation_id " + segmentationId + " is out of range for "
                    + type + " (1 to " + networkType.maxSegment() + ").");
        }
        return new Segment(networkType, physicalNetwork, segmentationId);
    }

    /** The key that is unique across the deployment. */
    public String physicalKey() {
        return physicalNetwork == null ? "" : physicalNetwork;
    }
}
