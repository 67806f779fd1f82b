package io.kumo.common.messaging.jpa;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes consumers idempotent: call {@link #firstDelivery} in the transaction that applies a message;
 * a redelivered message finds its entry and is skipped. Two racing deliveries collide on the primary
 * key and one transaction rolls back, to be redelivered and skipped.
 */
public class Inbox {

    private final EntityManager entityManager;
    private final Clock clock;

    public Inbox(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, String messageId) {
        if (entityManager.find(InboxEntry.class, InboxEntry.key(consumer, messageId)) != null) {
            return false;
        }
        entityManager.persist(new InboxEntry(consumer, messageId, clock.instant()));
        entityManager.flush();
        return true;
    }
}
