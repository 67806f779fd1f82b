package io.kumo.common.messaging.jpa;

import io.kumo.common.lifecycle.BackgroundLoop;
import io.kumo.common.messaging.MessageCodec;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows with publisher confirms and marks them sent only once the broker has
 * confirmed them. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas relay in
 * parallel without sending a message twice; a crash between confirm and commit can resend one, which
 * consumers absorb through their inbox.
 */
public class OutboxRelay extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final Duration KEEP_PUBLISHED = Duration.ofDays(1);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final RabbitTemplate rabbit;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration confirmTimeout;
    private final Semaphore wakeUps = new Semaphore(0);
    private Instant nextPurge = Instant.MIN;

    public OutboxRelay(EntityManager entityManager, TransactionTemplate transactions, RabbitTemplate rabbit, Clock clock,
            Duration pollInterval, Duration confirmTimeout) {
        super("outbox-relay");
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.rabbit = rabbit;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.confirmTimeout = confirmTimeout;
    }

    public void wakeUp() {
        wakeUps.release();
    }

    /** Relays one batch; returns how many messages the broker confirmed. */
    public int relayBatch() {
        Integer sent = transactions.execute(status -> {
            List<OutboxMessage> pending = entityManager
                    .createQuery("select m from OutboxMessage m where m.publishedAt is null order by m.createdAt",
                            OutboxMessage.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.lock.timeout", -2)
                    .setMaxResults(BATCH)
                    .getResultList();
            return publish(pending);
        });
        return sent == null ? 0 : sent;
    }

    private int publish(List<OutboxMessage> pending) {
        List<CorrelationData> confirms = new ArrayList<>();
        for (OutboxMessage message : pending) {
            CorrelationData correlation = new CorrelationData(message.id());
            rabbit.send(message.exchange(), message.routingKey(), toAmqp(message), correlation);
            confirms.add(correlation);
        }
        int sent = 0;
        Instant now = clock.instant();
        for (int i = 0; i < pending.size(); i++) {
            if (confirmed(confirms.get(i))) {
                pending.get(i).markPublished(now);
                sent++;
            } else {
                pending.get(i).markFailedAttempt();
            }
        }
        return sent;
    }

    private boolean confirmed(CorrelationData correlation) {
        try {
            return correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS).ack();
        } catch (Exception e) {
            log.warn("No publisher confirm for outbox message {}: {}", correlation.getId(), e.toString());
            return false;
        }
    }

    private static Message toAmqp(OutboxMessage message) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(message.id());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader(MessageCodec.TYPE_HEADER, message.messageType());
        properties.setHeader(MessageCodec.VERSION_HEADER, message.typeVersion());
        return new Message(message.payload().getBytes(StandardCharsets.UTF_8), properties);
    }

    @Override
    protected void step() throws InterruptedException {
        wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
        while (!isStopping() && relayBatch() == BATCH) {
            // a full batch: more may be waiting
        }
        if (clock.instant().isAfter(nextPurge)) {
            purgePublished();
        }
    }

    /** Published rows are kept a day for inspection, then deleted so the table does not grow forever. */
    int purgePublished() {
        Instant now = clock.instant();
        nextPurge = now.plus(PURGE_EVERY);
        Integer deleted = transactions.execute(status -> entityManager
                .createQuery("delete from OutboxMessage m where m.publishedAt < :horizon")
                .setParameter("horizon", now.minus(KEEP_PUBLISHED))
                .executeUpdate());
        return deleted == null ? 0 : deleted;
    }

    @Override
    protected void onStopRequested() {
        wakeUp();
    }
}
