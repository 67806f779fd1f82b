package io.kumo.scheduler.domain;

import java.time.Instant;
import java.util.List;

/**
 * A scheduling decision as operators read it at {@code GET /scheduling-decisions/{consumer}}: the
 * outcome, the trace of filters and weights, and each claim tried in placement.
 *
 * @param outcome   {@code scheduled} or {@code no_valid_host}
 * @param decidedBy the scheduler instance (pid@host) that decided
 */
public record Decision(String consumerUuid, int attempt, Instant createdAt, String outcome, String host,
        List<String> alternates, List<ClaimAttempt> claims, double durationMs, String decidedBy, DecisionTrace trace) {

    public static final String SCHEDULED = "scheduled";
    public static final String NO_VALID_HOST = "no_valid_host";

    /** @param result {@code claimed}, or why the claim failed (capacity gone, lost a race, group policy) */
    public record ClaimAttempt(String host, String result) {
    }

    public String summary() {
        String head = host != null ? "scheduled on " + host : "No valid host was found";
        StringBuilder text = new StringBuilder(head).append(": ").append(trace.summary());
        for (ClaimAttempt claim : claims) {
            if (!claim.result().equals("claimed")) {
                text.append("; claim on ").append(claim.host()).append(" failed: ").append(claim.result());
            }
        }
        return text.length() > 1000 ? text.substring(0, 1000) : text.toString();
    }
}
