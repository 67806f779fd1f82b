package io.kumo.common.messaging.jpa;

import io.kumo.common.contract.MessageType;
import io.kumo.common.messaging.MessageCodec;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.UUID;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues a message in the caller's transaction: it is published if and only if that transaction
 * commits, and the relay is nudged right after the commit so delivery takes milliseconds, not a poll.
 */
public class Outbox {

    private final EntityManager entityManager;
    private final MessageCodec codec;
    private final OutboxRelay relay;
    private final Clock clock;

    public Outbox(EntityManager entityManager, MessageCodec codec, OutboxRelay relay, Clock clock) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.relay = relay;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String publish(String exchange, String routingKey, Object contract) {
        MessageType type = MessageCodec.typeOf(contract.getClass());
        String id = UUID.randomUUID().toString();
        entityManager.persist(new OutboxMessage(id, exchange, routingKey, type.name(), type.version(),
                codec.toJson(contract), clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return id;
    }
}
