package io.kumo.common.contract.network;

import io.kumo.common.contract.MessageType;
import java.time.Instant;
import java.util.List;

/**
 * A port was created, updated or deleted: what an agent needs to plug it (network, segment, MAC,
 * addresses, security groups, host). Published on {@code kumo.network.events} with routing key
 * {@code port.created}, {@code port.updated} or {@code port.deleted}.
 *
 * @param change created, updated or deleted
 */
@MessageType(name = "PortChanged", version = 1)
public record PortChanged(String change, String portId, String networkId, String projectId, String networkType,
        String physicalNetwork, Long segmentationId, String macAddress, List<String> ipAddresses,
        List<String> securityGroupIds, String deviceId, String deviceOwner, String hostId, Instant at) {

    public String routingKey() {
        return "port." + change;
    }
}
