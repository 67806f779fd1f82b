package io.kumo.network.config;

import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.client.ServiceTokenProvider;
import io.kumo.common.client.UnifiedLimits;
import io.kumo.common.config.KumoProperties;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Quotas read from identity with the service user's token, trusted for {@code network.limits-ttl}. */
@Configuration
class LimitsConfiguration {

    @Bean
    @ConditionalOnExpression("!'${kumo.identity.url:}'.isBlank() && !'${kumo.identity.service-user:}'.isBlank()")
    UnifiedLimits unifiedLimits(KumoProperties kumo, ServiceTokenProvider tokens,
            @Value("${network.limits-ttl:30s}") Duration ttl) {
        ResilientRestClient identity = new ResilientRestClient("identity-limits", kumo.identity().url(),
                kumo.identity().timeout(), tokens);
        return new UnifiedLimits(identity, "network", ttl);
    }
}
