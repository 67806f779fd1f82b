package io.kumo.compute.application;

import io.kumo.compute.client.NetworkService;
import io.kumo.compute.client.PlacementAllocations;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.ServerPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Releases what a server holds outside compute: its allocation in placement, its ports (deleted, or
 * detached when the user brought them) and its volumes (detached). Every call is idempotent, so a retried cleanup (a redelivered message, the deadline reaper) is harmless.
 */
@Component
public class ServerCleanup {

    private static final Logger log = LoggerFactory.getLogger(ServerCleanup.class);

    private final PlacementAllocations placement;
    private final NetworkService networks;
    private final VolumeAttachments volumes;

    ServerCleanup(PlacementAllocations placement, NetworkService networks, VolumeAttachments volumes) {
        this.placement = placement;
        this.networks = networks;
        this.volumes = volumes;
    }

    /** For a server already gone from compute's records (deleted while the scheduler was deciding). */
    public void releaseAllocation(String serverId) {
        placement.release(serverId);
    }

    public void releaseEverything(Server server) {
        placement.release(server.id());
        for (ServerPort port : server.ports()) {
            networks.release(port);
        }
        int released = volumes.releaseAll(server.id());
        log.info("Released the allocation, {} port(s) and {} volume(s) of server {}", server.ports().size(), released,
                server.id());
    }
}
