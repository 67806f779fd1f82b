package io.kumo.common.config;

import io.kumo.common.auth.RevocationList;
import io.kumo.common.auth.SigningKeys;
import io.kumo.common.auth.TokenValidator;
import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.client.ServiceTokenProvider;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.common.messaging.RevocationEventsClient;
import io.kumo.common.messaging.RevocationSubscriber;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Local token validation for any process that has identity's signing keys, kept current by the
 * revocation broadcast and, on start-up, a pull of the events it may have missed.
 */
@AutoConfiguration(after = KumoTokenAutoConfiguration.class,
        afterName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnBean(SigningKeys.class)
public class KumoTokenValidatorAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KumoTokenValidatorAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    TokenValidator tokenValidator(SigningKeys keys, RevocationList revocations, Clock clock, KumoProperties properties) {
        return new TokenValidator(keys, revocations, clock, properties.tokens().cacheSize());
    }

    @Bean
    @ConditionalOnBean(ConnectionFactory.class)
    @ConditionalOnProperty(name = "kumo.tokens.listen-for-revocations", matchIfMissing = true)
    RevocationSubscriber revocationSubscriber(ConnectionFactory connections, RevocationList revocations,
            KumoProperties properties) {
        return new RevocationSubscriber(connections, revocations, new MessageCodec(), properties.serviceName());
    }

    @Bean
    @ConditionalOnBean(ServiceTokenProvider.class)
    ApplicationRunner revocationPull(KumoProperties properties, ObjectProvider<ServiceTokenProvider> tokens,
            RevocationList revocations) {
        return args -> {
            try {
                ResilientRestClient identity = new ResilientRestClient("identity-revocations",
                        properties.identity().url(), properties.identity().timeout(), tokens.getObject());
                revocations.applyAll(new RevocationEventsClient(identity).fetch());
            } catch (RuntimeException e) {
                log.warn("Could not pull revocation events from identity at start-up: {}", e.toString());
            }
        };
    }
}
