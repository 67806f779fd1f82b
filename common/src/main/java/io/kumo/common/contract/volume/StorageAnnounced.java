package io.kumo.common.contract.volume;

import io.kumo.common.contract.MessageType;
import java.time.Instant;
import java.util.List;

/**
 * A storage host tells volume-service which volume backends it runs and how full they are: at start-up
 * and then periodically, on {@code kumo.host.events} with routing key {@code storage.announced}. A pool
 * not announced for a while is not chosen for new volumes.
 *
 * @param host             the storage host's name (also the routing key of its commands)
 * @param availabilityZone the zone the host is in
 * @param pools            the backends it runs
 */
@MessageType(name = "StorageAnnounced", version = 1)
public record StorageAnnounced(String host, String availabilityZone, List<StoragePool> pools, Instant at) {

    public static final String ROUTING_KEY = "storage.announced";

    public StorageAnnounced {
        pools = List.copyOf(pools);
    }
}
