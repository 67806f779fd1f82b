package io.kumo.common.config;

import io.kumo.common.audit.AuditSink;
import io.kumo.common.messaging.jpa.OutboxAuditSink;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;

import io.kumo.common.messaging.MessageCodec;
import io.kumo.common.messaging.jpa.Inbox;
import io.kumo.common.messaging.jpa.Outbox;
import io.kumo.common.messaging.jpa.OutboxMessage;
import io.kumo.common.messaging.jpa.OutboxRelay;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactional outbox and idempotent inbox for services with a database. Only active where JPA is on
 * the class path: the agent has no database and never gets these.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration"},
        after = KumoTokenAutoConfiguration.class)
@ConditionalOnClass(name = "jakarta.persistence.EntityManager")
@AutoConfigurationPackage(basePackageClasses = OutboxMessage.class)
public class KumoJpaMessagingAutoConfiguration {

    @Bean
    @ConditionalOnBean({EntityManagerFactory.class, RabbitTemplate.class})
    OutboxRelay outboxRelay(EntityManagerFactory entityManagers, PlatformTransactionManager transactions,
            RabbitTemplate rabbit, Clock clock, KumoProperties properties) {
        return new OutboxRelay(SharedEntityManagerCreator.createSharedEntityManager(entityManagers),
                new TransactionTemplate(transactions), rabbit, clock, properties.messaging().outboxPollInterval(),
                properties.messaging().confirmTimeout());
    }

    @Bean
    @ConditionalOnBean(OutboxRelay.class)
    Outbox outbox(EntityManagerFactory entityManagers, MessageCodec codec, OutboxRelay relay, Clock clock) {
        EntityManager entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagers);
        return new Outbox(entityManager, codec, relay, clock);
    }

    /** Services other than identity (which keeps the ledger itself) publish their audit records. */
    @Bean
    @ConditionalOnBean(Outbox.class)
    @ConditionalOnMissingBean(AuditSink.class)
    OutboxAuditSink outboxAuditSink(Outbox outbox, PlatformTransactionManager transactions) {
        return new OutboxAuditSink(outbox, transactions);
    }

    @Bean
    @ConditionalOnBean(EntityManagerFactory.class)
    Inbox inbox(EntityManagerFactory entityManagers, Clock clock) {
        return new Inbox(SharedEntityManagerCreator.createSharedEntityManager(entityManagers), clock);
    }
}
