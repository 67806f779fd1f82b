package io.kumo.common.contract;

/** The durable topic exchanges of ARCHITECTURE.md §2, one per domain. */
public final class Exchanges {

    public static final String IDENTITY_EVENTS = "kumo.identity.events";
    public static final String AUDIT = "kumo.audit";
    public static final String COMPUTE_EVENTS = "kumo.compute.events";
    public static final String SCHEDULER_REQUESTS = "kumo.scheduler.requests";
    public static final String HOST_COMMANDS = "kumo.host.commands";
    public static final String HOST_EVENTS = "kumo.host.events";
    public static final String IMAGE_EVENTS = "kumo.image.events";
    public static final String NETWORK_EVENTS = "kumo.network.events";

    public static final String[] ALL = {IDENTITY_EVENTS, AUDIT, COMPUTE_EVENTS, SCHEDULER_REQUESTS, HOST_COMMANDS, HOST_EVENTS,
            IMAGE_EVENTS, NETWORK_EVENTS};

    private Exchanges() {
    }
}
