package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An agent tells the scheduler what its host offers: sent at start-up and whenever capacity or
 * capabilities change, on {@code kumo.host.events} with routing key {@code host.announced}. The
 * scheduler keeps the host's resource provider (inventories, traits) in step with it.
 *
 * @param host             the host name, unique in the deployment (also the routing key of its commands)
 * @param providerUuid     the host's resource provider; the agent keeps it across restarts
 * @param availabilityZone the zone the host is in ({@code nova} when the operator sets none)
 * @param inventories      resource class (VCPU, MEMORY_MB, DISK_GB) to what the host offers of it
 * @param traits           what the host's driver can do (COMPUTE_QEMU, COMPUTE_CONTAINER, ...)
 * @param driver           the agent's hypervisor driver (libvirt, container, fake), for operators
 * @param facts            what os-hypervisors shows of the host (null from agents that predate it)
 */
@MessageType(name = "HostAnnounced", version = 1)
public record HostAnnounced(String host, String providerUuid, String availabilityZone,
        Map<String, InventorySpec> inventories, List<String> traits, String driver, Instant at, HostFacts facts) {

    public static final String ROUTING_KEY = "host.announced";
}
