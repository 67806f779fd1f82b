package io.kumo.common.messaging;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The messaging conventions of ARCHITECTURE.md §2 as lowest-precedence defaults for every service:
 * topic exchanges, durable quorum queues with a dead-letter queue, bounded prefetch, a few redelivery
 * attempts, publisher confirms. Under the quickstart's embedded Qpid broker, which refuses RabbitMQ's
 * queue-type and dead-letter arguments, queues are plain durable ones.
 */
public class StreamDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "kumoStreamDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean embedded = environment.getProperty("kumo.messaging.embedded-broker", Boolean.class, false);
        Map<String, Object> defaults = new HashMap<>();
        String consumer = "spring.cloud.stream.rabbit.default.consumer.";
        defaults.put(consumer + "exchange-type", "topic");
        defaults.put(consumer + "durable-subscription", true);
        defaults.put(consumer + "prefetch", 16);
        defaults.put(consumer + "quorum.enabled", !embedded);
        defaults.put(consumer + "auto-bind-dlq", !embedded);
        defaults.put(consumer + "republish-to-dlq", !embedded);
        defaults.put("spring.cloud.stream.rabbit.default.producer.exchange-type", "topic");
        defaults.put("spring.cloud.stream.default.consumer.max-attempts", 3);
        defaults.put("spring.rabbitmq.publisher-confirm-type", "correlated");
        defaults.put("spring.rabbitmq.listener.simple.prefetch", 16);
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
