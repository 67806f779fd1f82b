package io.kumo.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rabbitmq.client.ShutdownSignalException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** Proves the embedded Qpid broker behaves like RabbitMQ for what the Kumo services use via Spring AMQP. */
class EmbeddedBrokerTest {

    private static final String USER = "kumo";
    private static final String PASSWORD = "not-guest";

    @TempDir
    static Path workDir;

    static EmbeddedBroker broker;
    static CachingConnectionFactory connectionFactory;
    static RabbitAdmin admin;
    static RabbitTemplate template;

    @BeforeAll
    static void startBroker() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        broker = new EmbeddedBroker(port, USER, PASSWORD, workDir).start();
        connectionFactory = connectionFactory("/"); // Spring AMQP's default vhost, spelled out
        admin = new RabbitAdmin(connectionFactory);
        template = new RabbitTemplate(connectionFactory);
    }

    @AfterAll
    static void stopBroker() {
        if (connectionFactory != null) {
            connectionFactory.destroy();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static CachingConnectionFactory connectionFactory(String vhost) {
        CachingConnectionFactory cf = new CachingConnectionFactory("127.0.0.1", broker.port());
        cf.setUsername(USER);
        cf.setPassword(PASSWORD);
        cf.setVirtualHost(vhost);
        cf.setPublisherConfirmType(ConfirmType.CORRELATED);
        return cf;
    }

    @Test
    void topicExchangeRoutesToDurableAndAnonymousQueuesWithPublisherConfirm() throws Exception {
        TopicExchange exchange = new TopicExchange("kumo.test.events", true, false);
        Queue durable = new Queue("kumo.test.tokens", true);
        // Named like AnonymousQueue (spring.gen-...) but without its default x-queue-leader-locator argument,
        // which Qpid refuses (see below).
        Queue anonymous = new Queue(Base64UrlNamingStrategy.DEFAULT.generateName(), false, true, true);
        admin.declareExchange(exchange);
        admin.declareQueue(durable);
        admin.declareQueue(anonymous);
        admin.declareBinding(BindingBuilder.bind(durable).to(exchange).with("token.#"));
        admin.declareBinding(BindingBuilder.bind(anonymous).to(exchange).with("token.#"));

        CorrelationData correlation = new CorrelationData("msg-1");
        template.convertAndSend("kumo.test.events", "token.issued.v3", "token-42", correlation);

        CorrelationData.Confirm confirm = correlation.getFuture().get(5, TimeUnit.SECONDS);
        assertThat(confirm.ack()).as("publisher confirm: %s", confirm.reason()).isTrue();
        assertThat(template.receiveAndConvert(durable.getName(), 5_000)).isEqualTo("token-42");
        assertThat(template.receiveAndConvert(anonymous.getName(), 5_000)).isEqualTo("token-42");
    }

    @Test
    void slashVhostIsTheDefaultVirtualHost() {
        admin.declareQueue(new Queue("kumo.test.vhost-probe", false, false, true));

        // Same queue seen through the vhost's real name: "/" is an alias, not a second, empty vhost.
        CachingConnectionFactory byName = connectionFactory("default");
        try {
            assertThat(new RabbitAdmin(byName).getQueueProperties("kumo.test.vhost-probe")).isNotNull();
        } finally {
            byName.destroy();
        }
    }

    /**
     * Observed with Qpid Broker-J 9.2.1: a queue.declare carrying an argument Qpid does not know (RabbitMQ's
     * {@code x-queue-type=quorum}, but also {@code x-queue-leader-locator}, which Spring AMQP 4's
     * {@link AnonymousQueue} adds by default) is refused with a CONNECTION-level close, reply-code 542
     * "Error creating queue '...': Unsupported queue declare argument(s) : x-queue-type" - not a channel
     * close, so every channel on that connection dies too. No queue is created; CachingConnectionFactory simply
     * reconnects on next use. (Qpid's context variable queue.behaviourOnUnknownDeclareArgument = FAIL|LOG|IGNORE
     * controls this; the embedded broker keeps Qpid's default FAIL.) Kumo code must therefore declare
     * argument-free queues when it may run against the embedded broker.
     */
    @Test
    void rabbitOnlyQueueArgumentsAreRefusedWithConnectionError() {
        Queue quorum = new Queue("kumo.test.quorum", true, false, false, Map.of("x-queue-type", "quorum"));
        assertRefused(quorum, "x-queue-type");
        assertRefused(new AnonymousQueue(), "x-queue-leader-locator");

        assertThat(admin.getQueueProperties("kumo.test.quorum")).as("quorum queue must not exist").isNull();
        assertThat(admin.declareQueue(new Queue("kumo.test.after-refusal", false, false, true)))
                .as("connection factory recovers after the forced close").isEqualTo("kumo.test.after-refusal");
    }

    private static void assertRefused(Queue queue, String argument) {
        assertThatThrownBy(() -> admin.declareQueue(queue))
                .isInstanceOf(AmqpException.class)
                .rootCause()
                .isInstanceOfSatisfying(ShutdownSignalException.class, e -> assertThat(e.isHardError()).isTrue())
                .hasMessageContaining("reply-code=542")
                .hasMessageContaining("Unsupported queue declare argument(s) : " + argument);
    }
}
