package io.kumo.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.contract.Exchanges;
import io.kumo.common.contract.MessageType;
import io.kumo.common.contract.host.BuildFailed;
import io.kumo.common.contract.host.BuildServer;
import io.kumo.common.contract.host.HostAnnounced;
import io.kumo.common.contract.host.HostHeartbeat;
import io.kumo.common.contract.host.InventorySpec;
import io.kumo.common.contract.host.PowerState;
import io.kumo.common.contract.host.ServerActionDone;
import io.kumo.common.contract.host.ServerCommand;
import io.kumo.common.contract.host.ServerCommand.Action;
import io.kumo.common.contract.host.ServerSpawned;
import io.kumo.common.contract.network.PortStatusReported;
import io.kumo.common.contract.volume.StorageAnnounced;
import io.kumo.common.contract.volume.VolumeCommand;
import io.kumo.common.contract.volume.VolumeCommand.Task;
import io.kumo.common.contract.volume.VolumeSource;
import io.kumo.common.contract.volume.VolumeTaskDone;
import io.kumo.common.messaging.MessageCodec;
import io.kumo.common.test.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent process against the real RabbitMQ, driven the way compute-service will drive it: three fake
 * hosts in one process, commands on {@code kumo.host.commands} by host name, answers read from a queue of
 * our own on {@code kumo.host.events}, the hypervisor's view read from {@code /actuator/instances}. The process
 * is a storage host too ({@code agent.host} itself, which none of the fake hosts is named), with a file backend
 * in a directory of the test's own, driven the way volume-service will drive it.
 */
@ExtendWith(AgentIT.RemoveQueuesOnceTheAgentIsClosed.class) // first, so it runs after Spring closed the agent
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "agent.driver=fake", "agent.fake.hosts=3", "agent.heartbeat-interval=1s",
        "agent.fake.fail-build-names=.*fail.*", "agent.fake.hypervisor-types=qemu,container", "agent.fake.vcpus=24",
        "agent.volume.announce-interval=1s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class AgentIT {

    /** Unique per run, so queues and hosts of earlier runs (or other machines on this broker) never interfere. */
    static final String HOST = "agent-it-" + Long.toString(System.nanoTime(), 36);
    static final String HOST_1 = HOST + "-1";
    static final String HOST_2 = HOST + "-2";
    static final String HOST_3 = HOST + "-3";
    /**
     * A zone of their own: schedulers of other test runs on this broker learn of these hosts too, and must
     * never place their servers here.
     */
    static final String ZONE = HOST + "-zone";
    static final String COMMAND_QUEUE = Exchanges.HOST_COMMANDS + ".agent-" + HOST;
    static final MessageCodec CODEC = new MessageCodec();
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Bound before the agent starts (static initialisation precedes the application context): no event is missed. */
    static final CachingConnectionFactory BROKER = new CachingConnectionFactory(URI.create(TestInfrastructure.amqpUrl()));
    static final RabbitAdmin ADMIN = new RabbitAdmin(BROKER);
    static final Queue EVENTS = listenToHostEvents();
    /** The file backend's directory (a temporary one, removed after the class). */
    static final Path VOLUMES = temporaryDirectory();

    private final List<Object> received = new CopyOnWriteArrayList<>();
    /** VolumeTaskDone answers already matched to a command, so a repeated task waits for its own. */
    private final List<VolumeTaskDone> answered = new CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("agent.host", () -> HOST);
        registry.add("agent.availability-zone", () -> ZONE);
        registry.add("spring.rabbitmq.addresses", TestInfrastructure::amqpUrl);
        registry.add("agent.volume.backends", () -> "it-files:file:" + VOLUMES);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("agent-it-volumes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Queue listenToHostEvents() {
        Queue queue = new Queue("agent-it-events-" + UUID.randomUUID(), false, true, true);
        ADMIN.declareQueue(queue);
        ADMIN.declareExchange(new TopicExchange(Exchanges.HOST_EVENTS, true, false));
        ADMIN.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(Exchanges.HOST_EVENTS)).with("#"));
        return queue;
    }

    /**
     * Deletes our event queue and the agent's command queue and dead-letter queue of this run. Registered
     * before Spring's extension, so it runs after {@code @DirtiesContext} closed the agent: a consumer still
     * running would declare its queue again.
     */
    static final class RemoveQueuesOnceTheAgentIsClosed implements AfterAllCallback {

        @Override
        public void afterAll(ExtensionContext context) {
            ADMIN.deleteQueue(EVENTS.getName());
            ADMIN.deleteQueue(COMMAND_QUEUE);
            ADMIN.deleteQueue(COMMAND_QUEUE + ".dlq");
            BROKER.destroy();
            try (Stream<Path> files = Files.list(VOLUMES)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
                Files.delete(VOLUMES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void everyHostIsAnnouncedWithItsInventoryAndTraitsThenHeartbeats() {
        List<HostAnnounced> announced = awaitAll(HostAnnounced.class,
                a -> List.of(HOST_1, HOST_2, HOST_3).contains(a.host()), 3);
        assertThat(announced).extracting(HostAnnounced::host).containsExactlyInAnyOrder(HOST_1, HOST_2, HOST_3);
        for (HostAnnounced host : announced) {
            assertThat(host.providerUuid()).isEqualTo(
                    UUID.nameUUIDFromBytes(("kumo-host:" + host.host()).getBytes(StandardCharsets.UTF_8)).toString());
            assertThat(host.availabilityZone()).isEqualTo(ZONE);
            assertThat(host.driver()).isEqualTo("fake");
            assertThat(host.traits()).containsExactlyInAnyOrder("COMPUTE_QEMU", "COMPUTE_CONTAINER");
            assertThat(host.facts().hypervisorType()).isEqualTo("fake");
            assertThat(host.facts().hostIp()).isNotBlank();
            assertThat(host.inventories()).isEqualTo(Map.of("VCPU", InventorySpec.of(24, 0, 16.0),
                    "MEMORY_MB", InventorySpec.of(65536, 0, 1.5), "DISK_GB", InventorySpec.of(1000, 0, 1.0)));
        }

        for (String host : List.of(HOST_1, HOST_2, HOST_3)) {
            awaitAll(HostHeartbeat.class, h -> h.host().equals(host), 2); // periodic, not just once
            int announcedAt = indexOf(HostAnnounced.class, a -> a.host().equals(host));
            int firstBeatAt = indexOf(HostHeartbeat.class, h -> h.host().equals(host));
            assertThat(announcedAt).as("%s announced before its first heartbeat", host).isLessThan(firstBeatAt);
        }
    }

    @Test
    void aServerIsBuiltOnItsHostOnlyOncePowerCycledAndDeleted() throws Exception {
        BuildServer build = AgentFixtures.build(UUID.randomUUID().toString(), HOST_2, "web-1", 2, 2);
        send(HOST_2, build);

        ServerSpawned spawned = await(ServerSpawned.class, s -> s.instanceUuid().equals(build.instanceUuid()));
        assertThat(spawned.host()).isEqualTo(HOST_2);
        assertThat(spawned.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(spawned.attempt()).isEqualTo(2);
        assertThat(spawned.requestId()).isEqualTo(build.requestId());
        assertThat(portStatuses(build, "ACTIVE")).hasSize(2);

        JsonNode instances = instances();
        assertThat(instances.get(HOST_2)).hasSize(1);
        JsonNode shown = instances.get(HOST_2).get(0);
        assertThat(shown.get("uuid").asString()).isEqualTo(build.instanceUuid());
        assertThat(shown.get("name").asString()).isEqualTo("web-1");
        assertThat(shown.get("powerState").asString()).isEqualTo("RUNNING");
        assertThat(shown.get("portMacs").toString()).contains("fa:16:3e:00:00:01", "fa:16:3e:00:00:02");
        assertThat(shown.get("configDriveFiles").toString()).contains("openstack/latest/meta_data.json");
        assertThat(instances.get(HOST_1)).isEmpty();
        assertThat(instances.get(HOST_3)).isEmpty();

        send(HOST_2, build);
        awaitAll(ServerSpawned.class, s -> s.instanceUuid().equals(build.instanceUuid()), 2);
        assertThat(instances().get(HOST_2)).as("a redelivered BuildServer builds nothing more").hasSize(1);

        assertThat(act(build, Action.STOP).powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(instances().get(HOST_2).get(0).get("powerState").asString()).isEqualTo("SHUTDOWN");
        assertThat(act(build, Action.START).powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(act(build, Action.REBOOT_HARD).powerState()).isEqualTo(PowerState.RUNNING);

        ServerActionDone deleted = act(build, Action.DELETE);
        assertThat(deleted.powerState()).isEqualTo(PowerState.NOSTATE);
        assertThat(deleted.error()).isNull();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> portStatuses(build, "DOWN").size() == 2);
        assertThat(instances().get(HOST_2)).isEmpty();

        ServerActionDone again = act(build, Action.DELETE);
        assertThat(again.error()).isNull();
        assertThat(again.powerState()).isEqualTo(PowerState.NOSTATE);
    }

    @Test
    void anInjectedBuildFailureIsAnsweredRetryableAndLeavesNoInstance() throws Exception {
        BuildServer build = AgentFixtures.build(UUID.randomUUID().toString(), HOST_1, "will-fail", 1, 1);
        send(HOST_1, build);

        BuildFailed failed = await(BuildFailed.class, f -> f.instanceUuid().equals(build.instanceUuid()));
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.host()).isEqualTo(HOST_1);
        assertThat(failed.reason()).isEqualTo("fake driver: build failure injected for will-fail");
        assertThat(instances().get(HOST_1).toString()).doesNotContain(build.instanceUuid());
        assertThat(portStatuses(build, "ACTIVE")).isEmpty();
    }

    @Test
    void unknownInstancesAndUnknownMessageTypesNeitherCrashNorDeadLetter() throws Exception {
        String stranger = UUID.randomUUID().toString();
        send(HOST_3, "ResizeServer", "{\"instanceUuid\":\"" + stranger + "\"}");
        ServerCommand start = AgentFixtures.command(stranger, HOST_3, Action.START);
        send(HOST_3, start);

        ServerActionDone done = await(ServerActionDone.class, d -> d.actionId().equals(start.actionId()));
        assertThat(done.error()).isEqualTo("instance " + stranger + " is not on host " + HOST_3);
        assertThat(done.powerState()).isEqualTo(PowerState.NOSTATE);
        Properties deadLetters = ADMIN.getQueueProperties(COMMAND_QUEUE + ".dlq");
        assertThat(deadLetters).as("the agent's dead-letter queue exists").isNotNull();
        assertThat(((Number) deadLetters.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue()).as("nothing dead-lettered")
                .isZero();
    }

    @Test
    void theStorageHostAnnouncesItsBackendAgainAndAgain() throws IOException {
        List<StorageAnnounced> announced = awaitAll(StorageAnnounced.class, a -> a.host().equals(HOST), 2);

        StorageAnnounced first = announced.get(0);
        assertThat(first.availabilityZone()).isEqualTo(ZONE);
        assertThat(first.pools()).singleElement().satisfies(pool -> {
            assertThat(pool.backend()).isEqualTo("it-files");
            assertThat(pool.driver()).isEqualTo("file");
            assertThat(pool.capacityGb()).isEqualTo(Files.getFileStore(VOLUMES).getTotalSpace() >> 30);
            assertThat(pool.freeGb()).isPositive();
        });
        assertThat(announced.get(1).at()).isAfter(first.at());
    }

    @Test
    void volumeCommandsToTheStorageHostComeBackAsVolumeTasksDone() throws IOException {
        String volume = UUID.randomUUID().toString();
        String snapshot = UUID.randomUUID().toString();
        String copy = UUID.randomUUID().toString();

        VolumeTaskDone created = volumeTask(new VolumeCommand(Task.CREATE_VOLUME, HOST, "it-files", volume, null, 1,
                VolumeSource.blank(), "req-create"));
        assertThat(created.error()).isNull();
        assertThat(created.host()).isEqualTo(HOST);
        assertThat(created.location()).isEqualTo(VOLUMES.resolve("volume-" + volume).toString());
        assertThat(Files.size(Path.of(created.location()))).isEqualTo(1L << 30);

        assertThat(volumeTask(new VolumeCommand(Task.CREATE_SNAPSHOT, HOST, "it-files", volume, snapshot, 1, null,
                "req-snap")).error()).isNull();
        VolumeTaskDone fromSnapshot = volumeTask(new VolumeCommand(Task.CREATE_VOLUME, HOST, "it-files", copy, null, 2,
                new VolumeSource(VolumeSource.Kind.SNAPSHOT, snapshot), "req-copy"));
        assertThat(fromSnapshot.error()).isNull();
        assertThat(Files.size(Path.of(fromSnapshot.location()))).isEqualTo(2L << 30);

        VolumeTaskDone elsewhere = volumeTask(new VolumeCommand(Task.DELETE_VOLUME, HOST, "ceph", volume, null, 0,
                null, "req-elsewhere"));
        assertThat(elsewhere.error()).isEqualTo("host " + HOST + " has no volume backend 'ceph' (it has it-files)");
        VolumeTaskDone onAFakeHost = volumeTask(new VolumeCommand(Task.DELETE_VOLUME, HOST_1, "it-files", volume, null,
                0, null, "req-fake-host"));
        assertThat(onAFakeHost.error()).isEqualTo("host " + HOST_1 + " has no volume backend 'it-files'");

        for (String gone : List.of(volume, copy, volume)) {
            assertThat(volumeTask(new VolumeCommand(Task.DELETE_VOLUME, HOST, "it-files", gone, null, 0, null,
                    "req-delete-" + UUID.randomUUID())).error()).isNull();
        }
        assertThat(volumeTask(new VolumeCommand(Task.DELETE_SNAPSHOT, HOST, "it-files", volume, snapshot, 0, null,
                "req-unsnap")).error()).isNull();
        try (Stream<Path> files = Files.list(VOLUMES)) {
            assertThat(files).isEmpty();
        }
        Properties deadLetters = ADMIN.getQueueProperties(COMMAND_QUEUE + ".dlq");
        assertThat(((Number) deadLetters.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue()).as("nothing dead-lettered")
                .isZero();
    }

    /** Sends the command to its host and waits for its answer. */
    private VolumeTaskDone volumeTask(VolumeCommand command) {
        send(command.host(), command);
        VolumeTaskDone done = await(VolumeTaskDone.class, d -> d.volumeId().equals(command.volumeId())
                && d.task() == command.task() && !answered.contains(d));
        answered.add(done);
        assertThat(done.backend()).isEqualTo(command.backend());
        return done;
    }

    private ServerActionDone act(BuildServer build, Action action) {
        ServerCommand command = AgentFixtures.command(build.instanceUuid(), build.host(), action);
        send(build.host(), command);
        ServerActionDone done = await(ServerActionDone.class, d -> d.actionId().equals(command.actionId()));
        assertThat(done.action()).isEqualTo(action);
        assertThat(done.host()).isEqualTo(build.host());
        assertThat(done.error()).isNull();
        return done;
    }

    private List<PortStatusReported> portStatuses(BuildServer build, String status) {
        drain();
        List<String> ports = build.ports().stream().map(BuildServer.PortSpec::portId).toList();
        return received.stream().filter(PortStatusReported.class::isInstance).map(PortStatusReported.class::cast)
                .filter(p -> ports.contains(p.portId()) && p.status().equals(status)).toList();
    }

    private JsonNode instances() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/instances")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder(HOST_1, HOST_2, HOST_3);
        return body;
    }

    private void send(String host, Object command) {
        send(host, MessageCodec.typeOf(command.getClass()).name(), CODEC.toJson(command));
    }

    private void send(String host, String type, String json) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(UUID.randomUUID().toString());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setHeader(MessageCodec.TYPE_HEADER, type);
        properties.setHeader(MessageCodec.VERSION_HEADER, 1);
        new RabbitTemplate(BROKER).send(Exchanges.HOST_COMMANDS, host,
                new Message(json.getBytes(StandardCharsets.UTF_8), properties));
    }

    private <T> T await(Class<T> type, Predicate<T> matching) {
        return awaitAll(type, matching, 1).get(0);
    }

    private <T> List<T> awaitAll(Class<T> type, Predicate<T> matching, int count) {
        List<T> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            drain();
            found.clear();
            received.stream().filter(type::isInstance).map(type::cast).filter(matching).forEach(found::add);
            return found.size() >= count;
        });
        return found;
    }

    private <T> int indexOf(Class<T> type, Predicate<T> matching) {
        for (int i = 0; i < received.size(); i++) {
            Object event = received.get(i);
            if (type.isInstance(event) && matching.test(type.cast(event))) {
                return i;
            }
        }
        return -1;
    }

    /** Everything on our queue so far, decoded by its kumo_type header, in arrival order. */
    private synchronized void drain() {
        RabbitTemplate rabbit = new RabbitTemplate(BROKER);
        Message message;
        while ((message = rabbit.receive(EVENTS.getName())) != null) {
            Object type = message.getMessageProperties().getHeaders().get(MessageCodec.TYPE_HEADER);
            Class<?> contract = CONTRACTS.get(String.valueOf(type));
            if (contract != null) {
                received.add(CODEC.fromJson(message.getBody(), contract));
            }
        }
    }

    private static final Map<String, Class<?>> CONTRACTS = contracts(HostAnnounced.class, HostHeartbeat.class,
            ServerSpawned.class, BuildFailed.class, ServerActionDone.class, PortStatusReported.class,
            VolumeTaskDone.class, StorageAnnounced.class);

    private static Map<String, Class<?>> contracts(Class<?>... types) {
        Map<String, Class<?>> byName = new HashMap<>();
        for (Class<?> type : types) {
            MessageType annotation = MessageCodec.typeOf(type);
            byName.put(annotation.name(), type);
        }
        return byName;
    }
}
