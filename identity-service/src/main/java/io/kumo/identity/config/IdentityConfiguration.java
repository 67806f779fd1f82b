package io.kumo.identity.config;

import io.kumo.common.config.KumoWebAutoConfiguration.AuditExclusions;
import io.kumo.identity.application.Bootstrapper;
import io.kumo.identity.application.IdentityCaches;
import io.kumo.identity.application.BoundedHasher;
import io.kumo.identity.application.HashTimer;
import io.kumo.identity.application.SigningKeyService;
import io.kumo.identity.domain.LockoutPolicy;
import io.kumo.identity.domain.PasswordHasher;
import io.kumo.identity.domain.PasswordPolicy;
import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
@EnableScheduling
class IdentityConfiguration {

    @Bean
    PasswordHasher passwordHasher(IdentityProperties properties) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(properties.bcryptStrength());
        return new HashTimer(new BoundedHasher(new PasswordHasher() {
            @Override
            public String hash(String secret) {
                return bcrypt.encode(secret);
            }

            @Override
            public boolean matches(String secret, String hash) {
                return secret != null && bcrypt.matches(secret, hash);
            }
        }, properties.hashThreadCount()));
    }

    @Bean
    PasswordPolicy passwordPolicy(IdentityProperties properties) {
        IdentityProperties.Password p = properties.password();
        return new PasswordPolicy(p.minLength(), p.maxLength(), p.pattern(), p.patternDescription());
    }

    @Bean
    LockoutPolicy lockoutPolicy(IdentityProperties properties) {
        return new LockoutPolicy(properties.lockout().maxFailures(), properties.lockout().duration(),
                java.util.Set.copyOf(properties.lockout().exemptUsers()));
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    /** Authentication is audited by the authentication service itself, with the reason of a refusal. */
    @Bean
    AuditExclusions auditExclusions() {
        return new AuditExclusions(List.of("POST /v3/auth/tokens"));
    }

    @Bean
    ApplicationRunner bootstrap(IdentityProperties properties, Bootstrapper bootstrapper, SigningKeyService keys,
            IdentityCaches caches) {
        return args -> {
            if (properties.bootstrap().enabled()) {
                bootstrapper.run();
                caches.invalidateAll(); // requests answered before the bootstrap committed may have cached its absence
            }
            keys.activeKey(); // published before the first token is asked for
        };
    }
}
