package io.kumo.agent.handler;

import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.HostEvents;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.DriverCapabilities;
import io.kumo.agent.driver.HypervisorType;
import io.kumo.agent.driver.InstanceInfo;
import io.kumo.agent.driver.SpawnFailure;
import io.kumo.common.contract.host.BuildFailed;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.ServerSpawned;
import io.kumo.common.contract.network.PortStatusReported;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code BuildServer}: spawns the server and answers {@code ServerSpawned} after a {@code PortStatusReported
 * ACTIVE} per plugged port, or {@code BuildFailed}. A redelivered command finds the instance already there
 * and sends the same answers again (the first ones may never have been confirmed), so it never builds twice.
 * The attempt number is echoed so compute-service can ignore the late answer of an abandoned attempt.
 */
public final class BuildServerHandler {

    private static final Logger log = LoggerFactory.getLogger(BuildServerHandler.class);

    private final HostEvents events;
    private final Clock clock;

    public BuildServerHandler(HostEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void handle(BuildServer command, ServedHost host) {
        DriverCapabilities capabilities = host.driver().capabilities();
        if (!capabilities.offers(command.hypervisorType())) {
            // the scheduler filters on these traits, so this is a stale host state: another host may do it
            fail(command, host, new SpawnFailure("host " + host.name() + " does not run hypervisor type '"
                    + command.hypervisorType() + "' (it offers " + capabilities.hypervisorTypes().stream()
                            .map(HypervisorType::id).collect(Collectors.joining(", ")) + ")", true));
            return;
        }
        InstanceInfo instance;
        try {
            instance = host.driver().spawn(command);
        } catch (SpawnFailure failure) {
            fail(command, host, failure);
            return;
        }
        Instant now = clock.instant();
        List<HostEvent> answers = new ArrayList<>();
        for (BuildServer.PortSpec port : instance.ports()) {
            answers.add(HostEvent.of(new PortStatusReported(port.portId(), host.name(), PortStatusReported.ACTIVE, now)));
        }
        answers.add(HostEvent.of(new ServerSpawned(instance.uuid(), host.name(), command.attempt(),
                instance.powerState(), command.requestId(), now)));
        events.publish(answers);
        log.info("Spawned {} ({}) on {}, attempt {}", instance.uuid(), instance.name(), host.name(), command.attempt());
    }

    private void fail(BuildServer command, ServedHost host, SpawnFailure failure) {
        log.warn("Build of {} on {} failed ({}): {}", command.instanceUuid(), host.name(),
                failure.retryable() ? "retryable" : "final", failure.getMessage());
        events.publish(List.of(HostEvent.of(new BuildFailed(command.instanceUuid(), host.name(), command.attempt(),
                failure.getMessage(), failure.retryable(), command.requestId(), clock.instant()))));
    }
}
