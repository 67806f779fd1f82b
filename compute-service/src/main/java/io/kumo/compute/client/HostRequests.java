package io.kumo.compute.client;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.host.ConsoleOutput;
import io.kumo.common.contract.host.Diagnostics;
import io.kumo.common.contract.host.GetConsoleOutput;
import io.kumo.common.contract.host.GetDiagnostics;
import io.kumo.common.messaging.MessageCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Asks a host about a server — its console output, its diagnostics: a request on {@code kumo.host.commands}
 * to the host's queue and a bounded wait for the agent's reply (RabbitMQ's direct reply-to, or a temporary
 * reply queue on brokers without it). The request carries the end of the wait, so a host that was down and
 * finds it in its queue when it comes back drops it.
 */
public class HostRequests {

    private final RabbitTemplate rabbit;
    private final MessageCodec codec;
    private final Duration timeout;
    private final Clock clock;

    public HostRequests(RabbitTemplate rabbit, MessageCodec codec, Duration timeout, Clock clock) {
        this.rabbit = rabbit;
        this.codec = codec;
        this.timeout = timeout;
        this.clock = clock;
        rabbit.setReplyTimeout(timeout.toMillis());
    }

    /** How long a host has to answer. */
    public Duration timeout() {
        return timeout;
    }

    /** The host's reply; empty when it did not answer in time (down, or the broker unreachable). */
    public Optional<ConsoleOutput> consoleOutput(String host, String instanceUuid, Integer lines) {
        return ask(host, new GetConsoleOutput(instanceUuid, host, lines, clock.instant().plus(timeout)),
                ConsoleOutput.class);
    }

    /** The host's reply; empty when it did not answer in time. */
    public Optional<Diagnostics> diagnostics(String host, String instanceUuid) {
        return ask(host, new GetDiagnostics(instanceUuid, host, clock.instant().plus(timeout)), Diagnostics.class);
    }

    private <R> Optional<R> ask(String host, Object request, Class<R> replyType) {
        Message message = codec.toAmqp(request, MessageDeliveryMode.NON_PERSISTENT);
        Message reply;
        try {
            reply = rabbit.sendAndReceive(Exchanges.HOST_COMMANDS, host, message);
        } catch (AmqpException e) {
            return Optional.empty();
        }
        return reply == null ? Optional.empty() : Optional.of(codec.fromJson(reply.getBody(), replyType));
    }
}
