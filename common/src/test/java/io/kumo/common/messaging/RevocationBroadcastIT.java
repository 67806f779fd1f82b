package io.kumo.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kumo.common.auth.RevocationList;
import io.kumo.common.auth.TestTokens;
import io.kumo.common.auth.TokenClaims;
import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.identity.TokensRevoked;
import io.kumo.common.test.TestInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** Against the real RabbitMQ: every subscribing process hears every revocation (a broadcast). */
class RevocationBroadcastIT {

    private final CachingConnectionFactory first = connections();
    private final CachingConnectionFactory second = connections();
    private final CachingConnectionFactory publisher = connections();

    @AfterEach
    void close() {
        first.destroy();
        second.destroy();
        publisher.destroy();
    }

    @Test
    void twoProcessesBothApplyOneRevocation() {
        MessageCodec codec = new MessageCodec();
        RevocationList listA = new RevocationList();
        RevocationList listB = new RevocationList();
        RevocationSubscriber a = new RevocationSubscriber(first, listA, codec, "test-a");
        RevocationSubscriber b = new RevocationSubscriber(second, listB, codec, "test-b");
        a.start();
        b.start();
        try {
            TestTokens tokens = new TestTokens();
            TokenClaims claims = tokens.claims("user-" + System.nanoTime(), "p1", Instant.now(), "member");
            TokensRevoked event = new TokensRevoked("1", null, claims.userId(), null, null, null,
                    Instant.now().plusSeconds(1), Instant.now());
            MessageProperties properties = new MessageProperties();
            properties.setHeader(MessageCodec.TYPE_HEADER, "TokensRevoked");
            new RabbitTemplate(publisher).send(Exchanges.IDENTITY_EVENTS, TokensRevoked.ROUTING_KEY,
                    new Message(codec.toJson(event).getBytes(StandardCharsets.UTF_8), properties));
            await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(listA.isRevoked(claims)).isTrue();
                assertThat(listB.isRevoked(claims)).isTrue();
            });
        } finally {
            a.stop();
            b.stop();
        }
    }

    private static CachingConnectionFactory connections() {
        CachingConnectionFactory factory = new CachingConnectionFactory(URI.create(TestInfrastructure.amqpUrl()));
        return factory;
    }
}
