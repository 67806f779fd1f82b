package io.kumo.agent.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.agent.domain.HostEvent;
import io.kumo.common.contract.host.HostHeartbeat;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.contract.host.ServerSpawned;
import io.kumo.common.contract.network.PortStatusReported;
import io.kumo.common.messaging.MessageCodec;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

class HostEventPublisherTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final FakeBroker broker = new FakeBroker();
    private final HostEventPublisher publisher = new HostEventPublisher(broker, new MessageCodec(),
            Duration.ofMillis(100), Duration.ofMillis(5), Duration.ofMillis(20));

    private final HostEvent port = HostEvent.of(new PortStatusReported("port-1", "h", "ACTIVE", NOW));
    private final HostEvent spawned = HostEvent.of(new ServerSpawned("i-1", "h", 1, PowerState.RUNNING, "req-1", NOW));

    @BeforeEach
    void start() {
        publisher.start();
    }

    @AfterEach
    void stop() {
        publisher.stop();
    }

    @Test
    void eventsGoToTheHostEventsExchangeInTheOutboxsWireForm() {
        publisher.publish(List.of(port, spawned));

        assertThat(broker.sent).hasSize(2);
        Sent first = broker.sent.get(0);
        assertThat(first.exchange()).isEqualTo("kumo.host.events");
        assertThat(first.routingKey()).isEqualTo("port.status");
        assertThat(broker.sent.get(1).routingKey()).isEqualTo("server.spawned");
        var properties = first.message().getMessageProperties();
        assertThat(properties.getMessageId()).isNotBlank().isNotEqualTo(broker.sent.get(1).messageId());
        assertThat(properties.getContentType()).isEqualTo("application/json");
        assertThat(properties.getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(properties.getHeaders()).containsEntry("kumo_type", "PortStatusReported")
                .containsEntry("kumo_version", 1);
        assertThat(new MessageCodec().fromJson(first.message().getBody(), PortStatusReported.class))
                .isEqualTo(port.payload());
    }

    @Test
    void unconfirmedEventsAreSentAgainUnderTheSameMessageIdUntilConfirmed() {
        broker.answers.add(Answer.NACK);      // port, first try
        broker.answers.add(Answer.ACK);       // spawned, first try
        broker.answers.add(Answer.REFUSE);    // port, second try: connection refused
        broker.answers.add(Answer.SILENCE);   // port, third try: no confirm within the timeout

        publisher.publish(List.of(port, spawned));

        assertThat(broker.sent).extracting(Sent::routingKey)
                .containsExactly("port.status", "server.spawned", "port.status", "port.status", "port.status");
        assertThat(broker.sent).filteredOn(s -> s.routingKey().equals("port.status")).extracting(Sent::messageId)
                .containsOnly(broker.sent.get(0).messageId());
    }

    @Test
    void aStoppingAgentGivesUpSoTheCommandIsRedeliveredInstead() {
        publisher.stop();
        broker.answers.add(Answer.NACK);

        assertThatThrownBy(() -> publisher.publish(List.of(spawned))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("will be redelivered");
    }

    @Test
    void anOfferIsOneAttempt() {
        broker.answers.add(Answer.ACK);
        broker.answers.add(Answer.SILENCE);
        HostEvent beat = HostEvent.of(new HostHeartbeat("h", NOW));

        assertThat(publisher.offer(List.of(beat, beat))).isFalse();
        assertThat(publisher.offer(List.of(beat))).isTrue();
        assertThat(broker.sent).hasSize(3);
    }

    private enum Answer {
        ACK, NACK, REFUSE, SILENCE
    }

    private record Sent(String exchange, String routingKey, Message message) {
        String messageId() {
            return message.getMessageProperties().getMessageId();
        }
    }

    /** RabbitTemplate's publishing with scripted confirms (ack unless told otherwise); nothing is sent anywhere. */
    private static final class FakeBroker extends RabbitTemplate {
        final List<Sent> sent = new CopyOnWriteArrayList<>();
        final Deque<Answer> answers = new ArrayDeque<>();

        @Override
        public void send(String exchange, String routingKey, Message message, CorrelationData correlation) {
            sent.add(new Sent(exchange, routingKey, new Message(message.getBody(), message.getMessageProperties())));
            Answer answer = answers.isEmpty() ? Answer.ACK : answers.poll();
            switch (answer) {
                case ACK -> correlation.getFuture().complete(new CorrelationData.Confirm(true, null));
                case NACK -> correlation.getFuture().complete(new CorrelationData.Confirm(false, "nack"));
                case REFUSE -> throw new AmqpConnectException(new ConnectException("Connection refused"));
                case SILENCE -> { }
            }
        }
    }
}
