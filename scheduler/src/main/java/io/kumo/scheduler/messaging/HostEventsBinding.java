package io.kumo.scheduler.messaging;

import io.kumo.common.contract.host.HostAnnounced;
import io.kumo.common.contract.host.HostHeartbeat;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.scheduler.application.Hosts;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Agents' announcements (binding {@code hostAnnounced-in-0}, shared queue: one scheduler applies each)
 * and heartbeats (binding {@code hostHeartbeat-in-0}, a queue per scheduler instance: every instance
 * knows every host's liveness in memory) from {@code kumo.host.events}.
 */
@Configuration(proxyBeanMethods = false)
class HostEventsBinding {

    @Bean
    Consumer<Message<byte[]>> hostAnnounced(Hosts hosts, MessageCodec codec) {
        return message -> hosts.announce(codec.fromJson(message.getPayload(), HostAnnounced.class));
    }

    @Bean
    Consumer<Message<byte[]>> hostHeartbeat(Hosts hosts, MessageCodec codec) {
        return message -> {
            hosts.heartbeat(codec.fromJson(message.getPayload(), HostHeartbeat.class).host());
        };
    }
}
