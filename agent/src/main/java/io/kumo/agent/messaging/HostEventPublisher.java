package io.kumo.agent.messaging;

import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.HostEvents;
import io.kumo.common.contract.Exchanges;
import io.kumo.common.messaging.MessageCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;

/**
 * Sends the agent's events to {@code kumo.host.events} with publisher confirms, in the wire form of the
 * services' outbox relay (random message id, JSON, persistent, {@code kumo_type}/{@code kumo_version}
 * headers). The agent has no database and so no outbox: instead the caller waits until the broker has
 * confirmed, and a command is acknowledged only after that. Unconfirmed events are sent again with
 * exponential backoff under the same message id, so consumers' inboxes drop the copy of one whose confirm
 * was merely lost.
 *
 * <p>It stops after the command consumers (a lower lifecycle phase), so a command in flight at shutdown
 * still gets its answer out; only once stopped does a retry give up, leaving the command unacknowledged for
 * redelivery.
 */
public class HostEventPublisher implements HostEvents, SmartLifecycle {

    /** After the stream bindings (phase Integer.MAX_VALUE - 3000) have stopped consuming. */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(HostEventPublisher.class);

    private final RabbitTemplate rabbit;
    private final MessageCodec codec;
    private final Duration confirmTimeout;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private volatile boolean running;

    public HostEventPublisher(RabbitTemplate rabbit, MessageCodec codec, Duration confirmTimeout,
            Duration initialBackoff, Duration maxBackoff) {
        this.rabbit = rabbit;
        this.codec = codec;
        this.confirmTimeout = confirmTimeout;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void publish(List<HostEvent> events) {
        List<Outgoing> pending = events.stream().map(this::toAmqp).toList();
        long backoff = initialBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            pending = sendAndAwaitConfirms(pending);
            if (pending.isEmpty()) {
                return;
            }
            if (!running) {
                throw new IllegalStateException(pending.size() + " host event(s) not confirmed by the broker and the"
                        + " agent is stopping; the command stays unacknowledged and will be redelivered");
            }
            log.warn("{} host event(s) not confirmed by the broker (attempt {}), sending again in {} ms",
                    pending.size(), attempt, backoff);
            pause(backoff);
            backoff = Math.min(backoff * 2, maxBackoff.toMillis());
        }
    }

    @Override
    public boolean offer(List<HostEvent> events) {
        return sendAndAwaitConfirms(events.stream().map(this::toAmqp).toList()).isEmpty();
    }

    /** Sends all, then waits for each confirm; returns the messages not confirmed, in their order. */
    private List<Outgoing> sendAndAwaitConfirms(List<Outgoing> messages) {
        List<CorrelationData> confirms = new ArrayList<>(messages.size());
        for (Outgoing outgoing : messages) {
            CorrelationData correlation = new CorrelationData(outgoing.message().getMessageProperties().getMessageId());
            try {
                rabbit.send(Exchanges.HOST_EVENTS, outgoing.routingKey(), outgoing.message(), correlation);
            } catch (RuntimeException e) {
                log.debug("Sending {} failed: {}", correlation.getId(), e.toString());
                correlation.getFuture().complete(new CorrelationData.Confirm(false, e.toString()));
            }
            confirms.add(correlation);
        }
        List<Outgoing> unconfirmed = new ArrayList<>();
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        for (int i = 0; i < messages.size(); i++) {
            if (!confirmed(confirms.get(i), deadline)) {
                unconfirmed.add(messages.get(i));
            }
        }
        return unconfirmed;
    }

    private static boolean confirmed(CorrelationData correlation, long deadline) {
        try {
            long wait = Math.max(0, deadline - System.nanoTime());
            CorrelationData.Confirm confirm = correlation.getFuture().get(wait, TimeUnit.NANOSECONDS);
            if (!confirm.ack()) {
                log.debug("Broker refused {}: {}", correlation.getId(), confirm.reason());
            }
            return confirm.ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a publisher confirm", e);
        } catch (Exception e) {
            log.debug("No publisher confirm for {}: {}", correlation.getId(), e.toString());
            return false;
        }
    }

    /** The AMQP message of an event, built once so that every resend carries the same message id. */
    private Outgoing toAmqp(HostEvent event) {
        Message message = codec.toAmqp(event.payload(), MessageDeliveryMode.PERSISTENT);
        message.getMessageProperties().setMessageId(UUID.randomUUID().toString());
        return new Outgoing(event.routingKey(), message);
    }

    private record Outgoing(String routingKey, Message message) {
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to resend host events", e);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
