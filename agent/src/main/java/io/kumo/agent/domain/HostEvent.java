package io.kumo.agent.domain;

import io.kumo.common.contract.host.BuildFailed;
import io.kumo.common.contract.host.HostAnnounced;
import io.kumo.common.contract.host.HostHeartbeat;
import io.kumo.common.contract.host.InstancePowerChanged;
import io.kumo.common.contract.host.ServerActionDone;
import io.kumo.common.contract.host.ServerSpawned;
import io.kumo.common.contract.host.VolumeAttachmentDone;
import io.kumo.common.contract.network.PortStatusReported;
import io.kumo.common.contract.volume.StorageAnnounced;
import io.kumo.common.contract.volume.VolumeTaskDone;

/**
 * One message for {@code kumo.host.events} with the routing key its contract names. Only the events an
 * agent sends can be made, so a handler cannot put a message under the wrong key.
 */
public record HostEvent(String routingKey, Object payload) {

    public static HostEvent of(HostAnnounced event) {
        return new HostEvent(HostAnnounced.ROUTING_KEY, event);
    }

    public static HostEvent of(HostHeartbeat event) {
        return new HostEvent(HostHeartbeat.ROUTING_KEY, event);
    }

    public static HostEvent of(ServerSpawned event) {
        return new HostEvent(ServerSpawned.ROUTING_KEY, event);
    }

    public static HostEvent of(BuildFailed event) {
        return new HostEvent(BuildFailed.ROUTING_KEY, event);
    }

    public static HostEvent of(ServerActionDone event) {
        return new HostEvent(ServerActionDone.ROUTING_KEY, event);
    }

    public static HostEvent of(InstancePowerChanged event) {
        return new HostEvent(InstancePowerChanged.ROUTING_KEY, event);
    }

    public static HostEvent of(PortStatusReported event) {
        return new HostEvent(PortStatusReported.ROUTING_KEY, event);
    }

    public static HostEvent of(VolumeAttachmentDone event) {
        return new HostEvent(VolumeAttachmentDone.ROUTING_KEY, event);
    }

    public static HostEvent of(VolumeTaskDone event) {
        return new HostEvent(VolumeTaskDone.ROUTING_KEY, event);
    }

    public static HostEvent of(StorageAnnounced event) {
        return new HostEvent(StorageAnnounced.ROUTING_KEY, event);
    }
}
