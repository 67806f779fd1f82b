package io.kumo.compute.client;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.host.ConsoleOutput;
import io.kumo.common.contract.host.GetConsoleOutput;
import io.kumo.common.messaging.MessageCodec;
import java.time.Duration;
import java.util.Optional;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Asks a host for a server's console output: a request on {@code kumo.host.commands} to the host's queue and
 * a bounded wait for the agent's reply (RabbitMQ's direct reply-to, or a temporary reply queue on brokers
 * without it). The request expires with the wait, so a host that is down does not find it in its queue
 * when it comes back.
 */
public class HostConsoles {

    private final RabbitTemplate rabbit;
    private final MessageCodec codec;
    private final Duration timeout;

    public HostConsoles(RabbitTemplate rabbit, MessageCodec codec, Duration timeout) {
        this.rabbit = rabbit;
        this.codec = codec;
        this.timeout = timeout;
        rabbit.setReplyTimeout(timeout.toMillis());
    }

    /** How long a host has to answer. */
    public Duration timeout() {
        return timeout;
    }

    /** The host's reply; empty when it did not answer in time (down, or the broker unreachable). */
    public Optional<ConsoleOutput> get(String host, String instanceUuid, Integer lines) {
        Message message = codec.toAmqp(new GetConsoleOutput(instanceUuid, host, lines),
                MessageDeliveryMode.NON_PERSISTENT);
        message.getMessageProperties().setExpiration(Long.toString(timeout.toMillis()));
        Message reply;
        try {
            reply = rabbit.sendAndReceive(Exchanges.HOST_COMMANDS, host, message);
        } catch (AmqpException e) {
            return Optional.empty();
        }
        return reply == null ? Optional.empty() : Optional.of(codec.fromJson(reply.getBody(), ConsoleOutput.class));
    }
}
