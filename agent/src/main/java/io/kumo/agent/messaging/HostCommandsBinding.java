package io.kumo.agent.messaging;

import io.kumo.agent.application.CommandDispatcher;
import io.kumo.common.messaging.MessageCodec;
import java.util.function.Consumer;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Commands from {@code kumo.host.commands} (binding {@code hostCommands-in-0}, group {@code agent-<host>}:
 * one durable queue per agent process, bound with the name of every host it serves). The message is
 * acknowledged when the consumer returns, which is after the handler's answer events were confirmed by the
 * broker; if the connection drops first, the command is redelivered and the idempotent handler answers again.
 */
@Configuration(proxyBeanMethods = false)
class HostCommandsBinding {

    @Bean
    Consumer<Message<byte[]>> hostCommands(CommandDispatcher dispatcher) {
        return message -> {
            MessageHeaders headers = message.getHeaders();
            dispatcher.dispatch(header(headers, MessageCodec.TYPE_HEADER), message.getPayload(),
                    header(headers, AmqpHeaders.RECEIVED_ROUTING_KEY));
        };
    }

    private static String header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }
}
