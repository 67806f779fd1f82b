package io.kumo.scheduler.application;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.scheduler.NoValidHost;
import io.kumo.common.contract.scheduler.ScheduleServer;
import io.kumo.common.contract.scheduler.ServerScheduled;
import io.kumo.common.messaging.jpa.Inbox;
import io.kumo.common.messaging.jpa.Outbox;
import io.kumo.scheduler.domain.Decision;
import io.kumo.scheduler.domain.HostSelection.RankedHost;
import io.kumo.scheduler.domain.HostSelection.Selection;
import io.kumo.scheduler.domain.HostState;
import io.kumo.scheduler.domain.SchedulingContext;
import io.kumo.scheduler.domain.SchedulingRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One {@link ScheduleServer}: filters and weighers over the cached host states, then claims on the
 * best hosts in turn until one succeeds; answers {@link ServerScheduled} or {@link NoValidHost} through
 * the outbox and records the decision, all in the transaction that holds the claim (READ COMMITTED, so
 * a reloaded provider is the latest committed one).
 */
@Service
public class ServerScheduling {

    static final String CONSUMER = "scheduler-schedule";
    private static final Logger log = LoggerFactory.getLogger(ServerScheduling.class);

    private final HostRanking ranking;
    private final SchedulingRequests requests;
    private final Claims claims;
    private final DecisionLog decisions;
    private final Inbox inbox;
    private final Outbox outbox;
    private final SchedulerSettings settings;
    private final Clock clock;

    ServerScheduling(HostRanking ranking, SchedulingRequests requests, Claims claims, DecisionLog decisions,
            Inbox inbox, Outbox outbox, SchedulerSettings settings, Clock clock) {
        this.ranking = ranking;
        this.requests = requests;
        this.claims = claims;
        this.decisions = decisions;
        this.inbox = inbox;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return the decision, or null for a message already handled */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Decision schedule(String messageId, ScheduleServer message) {
        if (!inbox.firstDelivery(CONSUMER, messageId)) {
            return null;
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        String invalid = SchedulingRequests.invalid(message);
        if (invalid != null) {
            log.warn("Refusing to schedule {}: {}", message.instanceUuid(), invalid);
            outbox.publish(Exchanges.COMPUTE_EVENTS, NoValidHost.ROUTING_KEY, new NoValidHost(message.instanceUuid(),
                    "Invalid scheduling request: " + invalid, message.attempt(), message.requestId()));
            return null;
        }
        SchedulingRequest request = requests.resolve(message);
        SchedulingContext context = ranking.context(now);
        Selection selected = ranking.rank(request, context, settings.claimAttempts() + settings.alternates());
        claims.prepareConsumer(message.instanceUuid(), message.projectId(), message.userId());
        boolean hardGroup = requests.lockHardGroup(message);
        if (hardGroup) {
            request = requests.resolve(message);
        }
        List<Decision.ClaimAttempt> attempts = new ArrayList<>();
        int claimedAt = -1;
        List<RankedHost> ranked = selected.ranked();
        for (int i = 0; i < ranked.size() && attempts.size() < settings.claimAttempts(); i++) {
            HostState host = ranked.get(i).host();
            String groupConflict = hardGroup ? requests.groupConflict(host, request, context) : null;
            if (groupConflict != null) {
                attempts.add(new Decision.ClaimAttempt(host.host(), groupConflict));
                continue;
            }
            Claims.Outcome outcome = claims.claim(ranking.current(host), message.instanceUuid(), request.resources());
            attempts.add(new Decision.ClaimAttempt(host.host(), outcome.claimed() != null ? "claimed" : outcome.reason()));
            if (outcome.claimed() != null) {
                claimedAt = i;
                break;
            }
        }
        Decision decision = claimedAt >= 0
                ? scheduled(message, selected, claimedAt, attempts, now, started)
                : noValidHost(message, selected, attempts, now, started);
        decisions.record(decision, System.nanoTime() - started);
        return decision;
    }

    private Decision scheduled(ScheduleServer message, Selection selected, int claimedAt,
            List<Decision.ClaimAttempt> attempts, Instant now, long started) {
        HostState chosen = selected.ranked().get(claimedAt).host();
        Set<String> tried = new HashSet<>();
        attempts.forEach(a -> tried.add(a.host()));
        List<ServerScheduled.Alternate> alternates = selected.ranked().stream().map(RankedHost::host)
                .filter(h -> !tried.contains(h.host())).limit(settings.alternates())
                .map(h -> new ServerScheduled.Alternate(h.host(), h.provider().uuid())).toList();
        outbox.publish(Exchanges.COMPUTE_EVENTS, ServerScheduled.ROUTING_KEY, new ServerScheduled(
                message.instanceUuid(), chosen.host(), chosen.provider().uuid(), message.resources(), alternates,
                message.attempt(), message.requestId(), chosen.availabilityZone()));
        return new Decision(message.instanceUuid(), message.attempt(), now, Decision.SCHEDULED, chosen.host(),
                alternates.stream().map(ServerScheduled.Alternate::host).toList(), attempts, millisSince(started),
                settings.instanceName(), selected.trace());
    }

    private Decision noValidHost(ScheduleServer message, Selection selected, List<Decision.ClaimAttempt> attempts,
            Instant now, long started) {
        claims.dropConsumer(message.instanceUuid());
        Decision decision = new Decision(message.instanceUuid(), message.attempt(), now, Decision.NO_VALID_HOST, null,
                List.of(), attempts, millisSince(started), settings.instanceName(), selected.trace());
        outbox.publish(Exchanges.COMPUTE_EVENTS, NoValidHost.ROUTING_KEY, new NoValidHost(message.instanceUuid(),
                decision.summary(), message.attempt(), message.requestId()));
        return decision;
    }

    private static double millisSince(long started) {
        return Math.round((System.nanoTime() - started) / 10_000.0) / 100.0;
    }
}
