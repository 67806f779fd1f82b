package io.kumo.network.application;

import io.kumo.common.contract.network.PortStatusReported;
import io.kumo.common.messaging.jpa.Inbox;
import io.kumo.network.persistence.Port;
import io.kumo.network.persistence.PortRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' reports that they plugged or unplugged a port: the port goes ACTIVE or DOWN. A report is
 * applied once (the inbox), only from the host the port is bound to, and only if it changes something;
 * then agents and compute hear of it as a port update.
 */
@Service
public class PortStatusReports {

    static final String CONSUMER = "network-port-status";
    private static final Logger log = LoggerFactory.getLogger(PortStatusReports.class);
    private static final Set<String> STATUSES = Set.of(PortStatusReported.ACTIVE, PortStatusReported.DOWN);

    private final PortRepository ports;
    private final Inbox inbox;
    private final PortService portViews;
    private final NetworkService networks;
    private final NetworkEvents events;
    private final Clock clock;

    PortStatusReports(PortRepository ports, Inbox inbox, PortService portViews, NetworkService networks,
            NetworkEvents events, Clock clock) {
        this.ports = ports;
        this.inbox = inbox;
        this.portViews = portViews;
        this.networks = networks;
        this.events = events;
        this.clock = clock;
    }

    /** @return whether the port's status changed */
    @Transactional
    public boolean apply(String messageId, PortStatusReported report) {
        if (!inbox.firstDelivery(CONSUMER, messageId)) {
            return false;
        }
        if (!STATUSES.contains(report.status())) {
            log.warn("Ignoring port status {} for port {}: not ACTIVE or DOWN", report.status(), report.portId());
            return false;
        }
        Port port = ports.findById(report.portId()).orElse(null);
        if (port == null) {
            log.info("Ignoring a status report for port {}, which no longer exists", report.portId());
            return false;
        }
        String boundTo = port.attributes().bindingHostId();
        if (!boundTo.isEmpty() && !boundTo.equals(report.host())) {
            log.warn("Ignoring {} for port {} from host {}: the port is bound to {}", report.status(), port.id(),
                    report.host(), boundTo);
            return false;
        }
        Instant now = clock.instant();
        if (ports.changeStatus(port.id(), report.status(), now) != 1) {
            return false;
        }
        PortView updated = portViews.view(ports.findById(port.id()).orElseThrow());
        events.port("updated", updated, networks.segmentOf(port.networkId()), now);
        return true;
    }
}
