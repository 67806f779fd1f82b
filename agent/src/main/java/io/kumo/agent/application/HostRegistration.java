package io.kumo.agent.application;

import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.DriverCapabilities;
import io.kumo.agent.driver.HypervisorInfo;
import io.kumo.common.contract.host.HostAnnounced;
import io.kumo.common.contract.host.HostFacts;
import io.kumo.common.contract.host.HostHeartbeat;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Tells the scheduler about the hosts this process serves: what each offers ({@code HostAnnounced}, which
 * creates or updates its resource provider, with the facts os-hypervisors shows) and that it is alive ({@code HostHeartbeat}; 60 s without one
 * and the host gets no new work). Both are offered once per round: the next round repeats them.
 */
public final class HostRegistration {

    private final ServedHosts hosts;
    private final HostEvents events;
    private final Clock clock;

    public HostRegistration(ServedHosts hosts, HostEvents events, Clock clock) {
        this.hosts = hosts;
        this.events = events;
        this.clock = clock;
    }

    /** Announces every host; true when the broker confirmed all announcements. */
    public boolean announce() {
        Instant now = clock.instant();
        return events.offer(hosts.all().stream().map(host -> HostEvent.of(announcement(host, now))).toList());
    }

    /** Sends every host's heartbeat; true when the broker confirmed all of them. */
    public boolean heartbeat() {
        Instant now = clock.instant();
        List<HostEvent> beats = hosts.all().stream().map(host -> HostEvent.of(new HostHeartbeat(host.name(), now)))
                .toList();
        return events.offer(beats);
    }

    static HostAnnounced announcement(ServedHost host, Instant at) {
        DriverCapabilities capabilities = host.driver().capabilities();
        HypervisorInfo hypervisor = host.driver().hypervisorInfo();
        return new HostAnnounced(host.name(), host.providerUuid(), host.availabilityZone(), capabilities.inventory(),
                capabilities.traits(), host.driver().name(), at,
                new HostFacts(host.hostIp(), hypervisor.type(), hypervisor.version(), hypervisor.cpuInfo()));
    }
}
