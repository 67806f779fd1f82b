package io.kumo.network.application;

import io.kumo.network.domain.Ipv4;
import io.kumo.network.domain.PortAttributes;
import io.kumo.network.persistence.IpAllocation;
import io.kumo.network.persistence.Port;
import java.time.Instant;
import java.util.List;

/** A port as the API shows it. */
public record PortView(String id, String networkId, String projectId, String macAddress, String status,
        PortAttributes attributes, List<PortService.FixedIp> fixedIps, List<String> securityGroups,
        List<String> tags, Instant createdAt, Instant updatedAt, long revision) {

    static PortView of(Port p, List<IpAllocation> held, List<String> securityGroups) {
        return new PortView(p.id(), p.networkId(), p.projectId(), p.macAddress(), p.status(), p.attributes(),
                held.stream().map(a -> new PortService.FixedIp(a.subnetId(), Ipv4.format(a.ipAddress()))).toList(),
                securityGroups, p.tags(), p.createdAt(), p.updatedAt(), p.revision());
    }
}
