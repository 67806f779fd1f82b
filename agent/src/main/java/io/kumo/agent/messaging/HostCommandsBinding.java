package io.kumo.agent.messaging;

import io.kumo.agent.application.CommandDispatcher;
import io.kumo.agent.domain.HostReplies;
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
 * A request ({@code GetConsoleOutput}) carries {@code reply_to} and {@code correlation_id}, which the
 * dispatcher's reply goes back with.
 */
@Configuration(proxyBeanMethods = false)
class HostCommandsBinding {

    @Bean
    Consumer<Message<byte[]>> hostCommands(CommandDispatcher dispatcher) {
        return message -> {
            MessageHeaders headers = message.getHeaders();
            String replyTo = header(headers, AmqpHeaders.REPLY_TO);
            dispatcher.dispatch(new CommandDispatcher.Delivery(header(headers, MessageCodec.TYPE_HEADER),
                    message.getPayload(), header(headers, AmqpHeaders.RECEIVED_ROUTING_KEY), replyTo == null ? null
                            : new HostReplies.ReplyAddress(replyTo, header(headers, AmqpHeaders.CORRELATION_ID))));
        };
    }

    private static String header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }
}
