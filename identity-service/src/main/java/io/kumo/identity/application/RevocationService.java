package io.kumo.identity.application;

import io.kumo.common.auth.RevocationList;
import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.identity.TokensRevoked;
import io.kumo.common.messaging.jpa.Outbox;
import io.kumo.identity.config.IdentityProperties;
import io.kumo.identity.persistence.RevocationEvent;
import io.kumo.identity.persistence.RevocationEventRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Token revocation: stored (for processes that start later), broadcast through the outbox on
 * {@code kumo.identity.events} (for those running), and applied to this process's own validator when
 * the change commits. Events older than the longest token lifetime can match nothing and are pruned.
 */
@Service
public class RevocationService {

    private final RevocationEventRepository events;
    private final Outbox outbox;
    private final RevocationList local;
    private final IdentityProperties properties;
    private final Clock clock;

    RevocationService(RevocationEventRepository events, Outbox outbox, RevocationList local,
            IdentityProperties properties, Clock clock) {
        this.events = events;
        this.outbox = outbox;
        this.local = local;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeToken(String auditId) {
        revoke(auditId, null, null, null, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeUser(String userId) {
        revoke(null, userId, null, null, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeProject(String projectId) {
        revoke(null, null, projectId, null, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeUserOnProject(String userId, String projectId) {
        revoke(null, userId, projectId, null, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeDomain(String domainId) {
        revoke(null, null, null, domainId, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeApplicationCredential(String applicationCredentialId) {
        revoke(null, null, null, null, applicationCredentialId);
    }

    @Transactional(readOnly = true)
    public List<TokensRevoked> current() {
        return events.findByIssuedBeforeAfterOrderByIdAsc(horizon()).stream().map(RevocationEvent::toContract).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadIntoLocalValidator() {
        local.applyAll(current());
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @Transactional
    public void prune() {
        events.deleteIssuedBefore(horizon());
        local.pruneIssuedBefore(horizon());
    }

    private Instant horizon() {
        return clock.instant().minus(properties.tokenLifetime());
    }

    private void revoke(String auditId, String userId, String projectId, String domainId, String applicationCredentialId) {
        Instant now = clock.instant();
        RevocationEvent stored = events.save(new RevocationEvent(new TokensRevoked(null, auditId, userId, projectId,
                domainId, applicationCredentialId, now, now)));
        TokensRevoked event = stored.toContract();
        outbox.publish(Exchanges.IDENTITY_EVENTS, TokensRevoked.ROUTING_KEY, event);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                local.apply(event);
            }
        });
    }
}
