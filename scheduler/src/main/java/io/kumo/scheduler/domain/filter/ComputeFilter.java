package io.kumo.scheduler.domain.filter;

import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingContext;
import io.kumo.scheduler.domain.SchedulingRequest;

/** Only hosts that are enabled and whose agent is alive (heartbeat within the down interval, not forced down). */
public final class ComputeFilter implements HostFilter {

    @Override
    public String reject(HostState host, SchedulingRequest request, SchedulingContext context) {
        if (host.disabled()) {
            return host.disabledReason() == null || host.disabledReason().isBlank() ? "disabled"
                    : "disabled: " + host.disabledReason();
        }
        if (host.forcedDown()) {
            return "forced down";
        }
        if (!host.isUpSince(context.upCutoff())) {
            return host.lastHeartbeat() == null ? "down: never heard from"
                    : "down: last heartbeat " + host.lastHeartbeat();
        }
        return null;
    }
}
