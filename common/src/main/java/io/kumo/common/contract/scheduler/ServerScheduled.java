package io.kumo.common.contract.scheduler;

import io.kumo.common.contract.MessageType;
import java.util.List;
import java.util.Map;

/**
 * The scheduler chose a host and already claimed the server's resources on it in placement. On
 * {@code kumo.compute.events} with routing key {@code server.scheduled}. Alternates are not claimed:
 * compute claims one (PUT /allocations) if the build on the chosen host fails.
 *
 * @param availabilityZone the chosen host's zone (null from schedulers older than this field)
 */
@MessageType(name = "ServerScheduled", version = 1)
public record ServerScheduled(String instanceUuid, String host, String providerUuid, Map<String, Integer> resources,
        List<Alternate> alternates, int attempt, String requestId, String availabilityZone) {

    public static final String ROUTING_KEY = "server.scheduled";

    public ServerScheduled {
        alternates = alternates == null ? List.of() : List.copyOf(alternates);
    }

    /** A host that also fits, ranked next. */
    public record Alternate(String host, String providerUuid) {
    }
}
