package io.kumo.common.messaging;

import io.kumo.common.auth.RevocationList;
import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.identity.TokensRevoked;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * Every validating process must hear every revocation, so each one listens on its own server-side
 * queue (exclusive, so deleted with its connection, and declared again on reconnection) bound to {@code kumo.identity.events}: a broadcast,
 * not a competing consumer group. Applying an event twice is harmless, so no inbox is needed; events
 * missed while disconnected are pulled from identity after every (re)connection.
 */
public class RevocationSubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevocationSubscriber.class);

    private final SimpleMessageListenerContainer container;

    public RevocationSubscriber(ConnectionFactory connections, RevocationList revocations, MessageCodec codec,
            String processName) {
        this(connections, revocations, codec, processName, () -> { });
    }

    /** @param onConnected runs after every (re)connection, e.g. to pull events missed while disconnected */
    public RevocationSubscriber(ConnectionFactory connections, RevocationList revocations, MessageCodec codec,
            String processName, Runnable onConnected) {
        RabbitAdmin admin = new RabbitAdmin(connections);
        TopicExchange exchange = new TopicExchange(Exchanges.IDENTITY_EVENTS, true, false);
        Queue queue = new Queue(Exchanges.IDENTITY_EVENTS + ".revocations." + processName + "." + UUID.randomUUID(),
                false, true, false);
        Binding binding = BindingBuilder.bind(queue).to(exchange).with(TokensRevoked.ROUTING_KEY);
        Runnable declare = () -> {
            admin.declareExchange(exchange);
            admin.declareQueue(queue);
            admin.declareBinding(binding);
        };
        // the queue dies with its connection: declare it again on every (re)connection
        connections.addConnectionListener(connection -> {
            declare.run();
            onConnected.run();
        });
        declare.run();
        container = new SimpleMessageListenerContainer(connections);
        container.setMissingQueuesFatal(false);
        container.setQueues(queue);
        container.setAmqpAdmin(admin);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setPrefetchCount(50);
        container.setMessageListener(message -> {
            TokensRevoked event = codec.fromJson(message.getBody(), TokensRevoked.class);
            revocations.apply(event);
            log.debug("Applied revocation {}", event.id());
        });
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }
}
