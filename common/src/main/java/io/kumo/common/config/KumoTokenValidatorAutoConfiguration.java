package io.kumo.common.config;

import io.kumo.common.auth.RevocationList;
import io.kumo.common.auth.SigningKeys;
import io.kumo.common.auth.TokenValidator;
import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.client.ServiceTokenProvider;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.common.messaging.RevocationCatchUp;
import io.kumo.common.messaging.RevocationEventsClient;
import io.kumo.common.messaging.RevocationSubscriber;
import java.time.Clock;
import java.time.Duration;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Local token validation for any process that has identity's signing keys, kept current by the
 * revocation broadcast and, after every (re)connection to the broker, a pull of the events it may
 * have missed.
 */
@AutoConfiguration(after = KumoTokenAutoConfiguration.class,
        afterName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnBean(SigningKeys.class)
public class KumoTokenValidatorAutoConfiguration {


    @Bean
    @ConditionalOnMissingBean
    TokenValidator tokenValidator(SigningKeys keys, RevocationList revocations, Clock clock, KumoProperties properties) {
        return new TokenValidator(keys, revocations, clock, properties.tokens().cacheSize());
    }

    /** Services (not identity, which feeds its own list) catch up with identity's revocation events. */
    @Bean(destroyMethod = "shutdown")
    @ConditionalOnBean(ServiceTokenProvider.class)
    RevocationCatchUp revocationCatchUp(KumoProperties properties, ServiceTokenProvider tokens,
            RevocationList revocations, Clock clock) {
        ResilientRestClient identity = new ResilientRestClient("identity-revocations", properties.identity().url(),
                properties.identity().timeout(), tokens);
        return new RevocationCatchUp(new RevocationEventsClient(identity), revocations, clock,
                properties.tokens().maxLifetime(), Duration.ofSeconds(10));
    }

    @Bean
    @ConditionalOnBean(ConnectionFactory.class)
    @ConditionalOnProperty(name = "kumo.tokens.listen-for-revocations", matchIfMissing = true)
    RevocationSubscriber revocationSubscriber(ConnectionFactory connections, RevocationList revocations,
            KumoProperties properties, ObjectProvider<RevocationCatchUp> catchUp) {
        RevocationCatchUp puller = catchUp.getIfAvailable();
        return new RevocationSubscriber(connections, revocations, new MessageCodec(), properties.serviceName(),
                puller == null ? () -> { } : puller::request);
    }
}
