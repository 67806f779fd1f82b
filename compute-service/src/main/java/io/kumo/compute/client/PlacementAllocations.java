package io.kumo.compute.client;

import io.kumo.common.client.ResilientRestClient;
import org.springframework.web.client.HttpClientErrorException;

/** The scheduler's placement API, with compute's service token: releasing what a server holds. */
public class PlacementAllocations {

    private final ResilientRestClient placement;

    public PlacementAllocations(ResilientRestClient placement) {
        this.placement = placement;
    }

    /** Frees everything the server holds; nothing held (never placed, or freed before) is fine. */
    public void release(String serverId) {
        try {
            placement.delete("/allocations/" + serverId);
        } catch (HttpClientErrorException.NotFound e) {
            // nothing held
        }
    }
}
