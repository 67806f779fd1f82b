package io.kumo.network.application;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.network.PortChanged;
import io.kumo.common.contract.network.SecurityGroupRulesChanged;
import io.kumo.common.messaging.jpa.Outbox;
import io.kumo.network.domain.Segment;
import io.kumo.network.persistence.SecurityGroup;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** What agents learn about ports and security groups, on {@code kumo.network.events}, in the change's transaction. */
@Component
class NetworkEvents {

    private final Outbox outbox;

    NetworkEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void port(String change, PortView port, Segment segment, Instant at) {
        PortChanged event = new PortChanged(change, port.id(), port.networkId(), port.projectId(),
                segment.type().wire(), segment.physicalNetwork(), segment.segmentationId(), port.macAddress(),
                port.fixedIps().stream().map(PortService.FixedIp::ipAddress).toList(), port.securityGroups(),
                port.attributes().deviceId(), port.attributes().deviceOwner(), port.attributes().bindingHostId(), at);
        outbox.publish(Exchanges.NETWORK_EVENTS, event.routingKey(), event);
    }

    void rulesChanged(SecurityGroup group, Instant at) {
        outbox.publish(Exchanges.NETWORK_EVENTS, SecurityGroupRulesChanged.ROUTING_KEY,
                new SecurityGroupRulesChanged(group.id(), group.projectId(), group.revision(), at));
    }
}
