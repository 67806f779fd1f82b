package io.kumo.common.config;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.messaging.MessageCodec;
import java.util.Arrays;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Declares Kumo's durable topic exchanges on every broker connection, so publishes never go nowhere. */
@AutoConfiguration(beforeName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.amqp.rabbit.core.RabbitTemplate")
public class KumoMessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MessageCodec messageCodec() {
        return new MessageCodec();
    }

    @Bean
    Declarables kumoExchanges() {
        return new Declarables(Arrays.stream(Exchanges.ALL).map(name -> new TopicExchange(name, true, false)).toList());
    }
}
