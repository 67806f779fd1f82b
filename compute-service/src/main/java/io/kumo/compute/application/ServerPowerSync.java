package io.kumo.compute.application;

import io.kumo.common.contract.host.InstancePowerChanged;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.messaging.jpa.Inbox;
import io.kumo.compute.domain.Server;
import io.kumo.compute.domain.VmState;
import io.kumo.compute.persistence.ServerRecords;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nova's {@code _sync_power_states}: what a host saw of a guest's power, applied to its server. A guest
 * that shut itself down or crashed while ACTIVE makes the server SHUTOFF (vm_state stopped), as Nova's sync
 * stops it; otherwise only the power state shown is corrected. A report is ignored while an action is
 * under way (its own answer decides), for a server in BUILD, ERROR or being deleted, for another host than
 * the server's, and when the server's record changed after the host looked.
 */
@Service
public class ServerPowerSync {

    private static final Logger log = LoggerFactory.getLogger(ServerPowerSync.class);
    private static final String CONSUMER = "compute-power-sync";

    private final ServerRecords servers;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ServerPowerSync(ServerRecords servers, Inbox inbox, TransactionTemplate transactions, Clock clock) {
        this.servers = servers;
        this.inbox = inbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void observed(String messageId, InstancePowerChanged report) {
        transactions.executeWithoutResult(tx -> {
            if (!inbox.firstDelivery(CONSUMER, messageId)) {
                return;
            }
            Server s = servers.find(report.instanceUuid()).orElse(null);
            if (s == null || !report.host().equals(s.host()) || s.taskState() != null
                    || (s.vmState() != VmState.ACTIVE && s.vmState() != VmState.STOPPED)
                    || !report.observedAt().isAfter(s.updatedAt()) || s.powerState() == report.powerState().code()) {
                return;
            }
            boolean wentDown = s.vmState() == VmState.ACTIVE
                    && (report.powerState() == PowerState.SHUTDOWN || report.powerState() == PowerState.CRASHED);
            VmState next = wentDown ? VmState.STOPPED : s.vmState();
            if (servers.update(s.withState(next, null, report.powerState().code(), clock.instant()))) {
                log.info("Server {} on {}: the host sees it {}{}", s.id(), s.host(), report.powerState(),
                        wentDown ? "; it is now SHUTOFF" : "");
            }
        });
    }
}
