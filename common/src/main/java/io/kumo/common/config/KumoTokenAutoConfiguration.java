package io.kumo.common.config;


import io.kumo.common.auth.JwksSigningKeys;
import io.kumo.common.auth.RevocationList;
import io.kumo.common.auth.SigningKeys;
import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.client.ServiceTokenProvider;
import io.kumo.common.client.UnifiedLimits;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Where a service finds identity: its published signing keys and, with service credentials, a
 * service token. Identity itself defines its own {@link SigningKeys} and needs none of this.
 */
@AutoConfiguration
@EnableConfigurationProperties(KumoProperties.class)
public class KumoTokenAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    RevocationList revocationList() {
        return new RevocationList();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("!'${kumo.identity.url:}'.isBlank() && !'${kumo.identity.service-user:}'.isBlank()")
    ServiceTokenProvider serviceTokenProvider(KumoProperties properties, Clock clock) {
        KumoProperties.Identity identity = properties.identity();
        return new ServiceTokenProvider(identity.url(), identity.serviceUser(), identity.servicePassword(),
                identity.serviceProject(), clock);
    }

    /** Quotas from identity's unified limits, for a service that names its catalog type and has a service user. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("!'${kumo.identity.url:}'.isBlank() && !'${kumo.identity.service-user:}'.isBlank()"
            + " && !'${kumo.catalog-type:}'.isBlank()")
    UnifiedLimits unifiedLimits(KumoProperties properties, ServiceTokenProvider tokens) {
        ResilientRestClient identity = new ResilientRestClient("identity-limits", properties.identity().url(),
                properties.identity().timeout(), tokens);
        return new UnifiedLimits(identity, properties.catalogType(), properties.identity().limitsTtl());
    }

    @Bean
    @ConditionalOnMissingBean(SigningKeys.class)
    @ConditionalOnExpression("!'${kumo.identity.url:}'.isBlank()")
    JwksSigningKeys jwksSigningKeys(KumoProperties properties, Clock clock) {
        ResilientRestClient identity = new ResilientRestClient("identity-keys", properties.identity().url(),
                properties.identity().timeout(), null);
        return new JwksSigningKeys(() -> identity.get("/v3/OS-KUMO/jwks", String.class), clock, Duration.ofSeconds(5));
    }
}
