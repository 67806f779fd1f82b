package io.kumo.agent.handler;

import io.kumo.agent.domain.ServedHost;
import io.kumo.common.contract.host.Diagnostics;
import io.kumo.common.contract.host.GetDiagnostics;

/** {@code GetDiagnostics}: what the instance uses now, read by the host's driver (Nova's {@code get_diagnostics}). */
public final class DiagnosticsHandler {

    public Diagnostics handle(GetDiagnostics request, ServedHost host) {
        String driver = host.driver().name();
        try {
            return host.driver().stats(request.instanceUuid())
                    .map(stats -> new Diagnostics(request.instanceUuid(), host.name(), driver, stats, null))
                    .orElseGet(() -> new Diagnostics(request.instanceUuid(), host.name(), driver, null,
                            ActionAnswers.notOnHostMessage(request.instanceUuid(), host.name())));
        } catch (RuntimeException e) {
            return new Diagnostics(request.instanceUuid(), host.name(), driver, null,
                    "the host could not read the instance's figures: " + e.getMessage());
        }
    }

    public Diagnostics notServed(GetDiagnostics request, String host) {
        return new Diagnostics(request.instanceUuid(), host, null, null,
                "host " + host + " is not served by this agent");
    }
}
