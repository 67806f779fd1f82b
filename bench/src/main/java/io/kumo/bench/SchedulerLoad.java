package io.kumo.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.MessageType;
import io.kumo.common.contract.host.HostAnnounced;
import io.kumo.common.contract.host.InventorySpec;
import io.kumo.common.contract.scheduler.ScheduleServer;
import io.kumo.common.messaging.MessageCodec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scheduling decisions per second and their latency as the fleet grows: announces hosts the way agents
 * do (HostAnnounced on kumo.host.events; no agent runs), then keeps {@code inFlight} ScheduleServer
 * requests outstanding for {@code seconds} and times each from publish to its ServerScheduled answer on
 * kumo.compute.events (claim and outbox included). Also prints the scheduler's own decision timer
 * (receipt to claimed host, before commit) from its actuator. Hosts are added in steps: 1,000, then
 * 10,000, then 50,000 (or the sizes given).
 *
 * <p>Usage: SchedulerLoad <amqp-uri> <scheduler-url> <in-flight> <seconds> <sizes...>
 */
public final class SchedulerLoad {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    private SchedulerLoad() {
    }

    public static void main(String[] args) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(args[0]);
        String scheduler = args[1];
        int inFlight = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int[] sizes = Arrays.stream(args, 4, args.length).mapToInt(Integer::parseInt).toArray();
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (Connection connection = factory.newConnection("kumo-bench")) {
            Channel publisher = connection.createChannel();
            publisher.confirmSelect();
            int registered = 0;
            System.out.printf("%8s %10s %10s %10s %10s %12s %12s %10s%n", "hosts", "register/s", "decisions/s",
                    "e2e p50", "e2e p99", "decide p50", "decide p99", "no host");
            for (int size : sizes) {
                long started = System.nanoTime();
                for (int i = registered; i < size; i++) {
                    publish(publisher, Exchanges.HOST_EVENTS, HostAnnounced.ROUTING_KEY, host(run, i));
                    if (i % 500 == 499) {
                        publisher.waitForConfirmsOrDie(30_000);
                    }
                }
                publisher.waitForConfirmsOrDie(30_000);
                while (gauge(scheduler, "kumo.scheduler.hosts") < size) {
                    Thread.sleep(200);
                }
                double registerRate = (size - registered) / ((System.nanoTime() - started) / 1e9);
                registered = size;
                Result warm = load(connection, publisher, run, inFlight, Math.max(15, seconds / 2));
                Result result = load(connection, publisher, run, inFlight, seconds);
                System.out.printf("%8d %10.0f %10.0f %8.1fms %8.1fms %10.1fms %10.1fms %10d%n", size, registerRate,
                        result.perSecond(), result.p50(), result.p99(),
                        gauge(scheduler, "kumo.scheduler.decisions.percentile?tag=phi:0.5") * 1000,
                        gauge(scheduler, "kumo.scheduler.decisions.percentile?tag=phi:0.99") * 1000,
                        result.refused() + warm.refused());
            }
        }
    }

    record Result(double perSecond, double p50, double p99, int refused) {
    }

    /** Keeps {@code inFlight} requests outstanding for {@code seconds}; latencies in ms. */
    private static Result load(Connection connection, Channel publisher, String run, int inFlight, int seconds)
            throws Exception {
        Channel consumer = connection.createChannel();
        String queue = consumer.queueDeclare("", false, true, true, null).getQueue();
        consumer.queueBind(queue, Exchanges.COMPUTE_EVENTS, "server.#");
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        Semaphore window = new Semaphore(inFlight);
        DeliverCallback answered = (tag, delivery) -> {
            String body = new String(delivery.getBody(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"instanceUuid\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            if (m.find()) {
                Long at = sentAt.remove(m.group(1));
                if (at != null) {
                    latencies.add(System.nanoTime() - at);
                    if ("NoValidHost".equals(String.valueOf(delivery.getProperties().getHeaders().get("kumo_type")))) {
                        refused.incrementAndGet();
                    }
                    window.release();
                }
            }
        };
        consumer.basicConsume(queue, true, answered, tag -> { });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        int sent = 0;
        while (System.nanoTime() < end) {
            if (!window.tryAcquire(1, TimeUnit.SECONDS)) {
                continue;
            }
            String server = UUID.randomUUID().toString();
            sentAt.put(server, System.nanoTime());
            synchronized (publisher) {
                publish(publisher, Exchanges.SCHEDULER_REQUESTS, ScheduleServer.ROUTING_KEY, new ScheduleServer(server,
                        "bench-" + run, "bench", Map.of("VCPU", 1, "MEMORY_MB", 512, "DISK_GB", 1), List.of(), List.of(),
                        List.of(), null, "qemu", Map.of(), null, List.of(), List.of(), List.of(), 1, "req-" + server));
            }
            sent++;
        }
        window.acquire(inFlight);
        double elapsed = (System.nanoTime() - started) / 1e9;
        consumer.close();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(sent / elapsed, percentile(sorted, 0.5), percentile(sorted, 0.99), refused.get());
    }

    private static HostAnnounced host(String run, int i) {
        return new HostAnnounced("bench-" + run + "-" + i, null, "nova", Map.of(
                "VCPU", InventorySpec.of(64, 0, 16.0), "MEMORY_MB", InventorySpec.of(262144, 4096, 1.5),
                "DISK_GB", InventorySpec.of(2000, 0, 1.0)), List.of("COMPUTE_QEMU", "COMPUTE_KVM"), "fake", Instant.now(), null);
    }

    private static void publish(Channel channel, String exchange, String routingKey, Object contract) throws Exception {
        MessageType type = MessageCodec.typeOf(contract.getClass());
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(UUID.randomUUID().toString())
                .contentType("application/json").deliveryMode(2)
                .headers(Map.of(MessageCodec.TYPE_HEADER, type.name(), MessageCodec.VERSION_HEADER, type.version()))
                .build();
        channel.basicPublish(exchange, routingKey, properties, CODEC.toJson(contract).getBytes(StandardCharsets.UTF_8));
    }

    private static double gauge(String scheduler, String metric) throws Exception {
        HttpResponse<String> r = BenchApi.call("GET", scheduler + "/actuator/metrics/" + metric, null, null);
        Matcher m = VALUE.matcher(r.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(q * sortedNanos.length) - 1)] / 1e6;
    }
}
