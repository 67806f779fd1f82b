package io.kumo.network.application;

import io.kumo.network.domain.NetworkAttributes;
import io.kumo.network.domain.Segment;
import io.kumo.network.persistence.Network;
import java.time.Instant;
import java.util.List;

/** A network as the API shows it, read in one transaction. */
public record NetworkView(String id, String projectId, NetworkAttributes attributes, Segment segment, int mtu,
        String status, List<String> subnetIds, List<String> tags, Instant createdAt, Instant updatedAt, long revision) {

    static NetworkView of(Network n, List<String> subnetIds) {
        return new NetworkView(n.id(), n.projectId(), n.attributes(), n.segment(), n.mtu(), n.status(), subnetIds,
                n.tags(), n.createdAt(), n.updatedAt(), n.revision());
    }
}
