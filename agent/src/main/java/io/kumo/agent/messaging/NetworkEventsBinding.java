package io.kumo.agent.messaging;

import io.kumo.agent.application.PortFilterRefresh;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * network-service's changes that move firewalls, from {@code kumo.network.events} (binding
 * {@code networkEvents-in-0}: a queue per agent process, group {@code agent-<host>}, bound to
 * {@code security_group.rules_changed} and {@code port.*}): a rule added or removed, or a port joining or
 * leaving a group that a rule names as its remote group. Missing one is repaired by the next change or a
 * restart, which render every firewall again.
 */
@Configuration(proxyBeanMethods = false)
class NetworkEventsBinding {

    @Bean
    Consumer<Message<byte[]>> networkEvents(PortFilterRefresh refresh) {
        return message -> refresh.refresh();
    }
}
