package io.kumo.dashboard.cloud;

import java.util.List;

/** One page of the audit log; {@code nextMarker} is where the next page starts, null on the last one. */
public record AuditPage(List<AuditEvent> events, String nextMarker) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
