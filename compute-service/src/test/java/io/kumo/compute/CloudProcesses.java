package io.kumo.compute;

import io.kumo.common.test.IdentityProcess;
import io.kumo.common.test.ServiceProcess;
import io.kumo.common.test.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The rest of the cloud for the server tests, each service as its own process started once per test
 * JVM: image-service, network-service, volume-service and an agent with the fake driver serving two hosts in
 * a zone of their own (builds of servers named like "fail" fail on them, as the agent is told), the first of
 * which is also the storage host: its file backend keeps volumes in {@link #VOLUMES}, a directory QEMU and
 * the runc agents of the tests reach as the same path (one machine, as a shared NFS mount would be).
 */
final class CloudProcesses {

    static final String ZONE = "servers-it";
    static final String AGENT_HOST = "servers-it-" + Long.toString(System.nanoTime(), 36);
    /** The storage host's volume backend. */
    static final String BACKEND = "local";
    static final java.nio.file.Path VOLUMES = volumesDir();

    private static boolean started;

    private CloudProcesses() {
    }

    static synchronized void ensureStarted(IdentityProcess identity, int imagePort, int networkPort) {
        if (started) {
            return;
        }
        List<String> common = List.of("--spring.datasource.username=" + TestInfrastructure.dbUser(),
                "--spring.datasource.password=" + TestInfrastructure.dbPassword(),
                "--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(), "--kumo.identity.url=" + identity.url(),
                "--kumo.identity.service-password=" + IdentityProcess.SERVICE_PASSWORD);
        List<String> image;
        try {
            image = concat(common,
                    "--spring.datasource.url=" + TestInfrastructure.freshDatabase("kumo_image_for_compute_it"),
                    "--kumo.identity.service-user=kumo-image",
                    "--image.file-store-dir=" + Files.createTempDirectory("kumo-compute-it-images"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> network = concat(common,
                "--spring.datasource.url=" + TestInfrastructure.freshDatabase("kumo_network_for_compute_it"),
                "--kumo.identity.service-user=kumo-network", "--network.vxlan-vni-ranges=300:399");
        network.addAll(ComputeIT.testQueueArgs("portStatus-in-0", "network"));
        List<String> volume = concat(common,
                "--spring.datasource.url=" + TestInfrastructure.freshDatabase("kumo_volume_for_compute_it"),
                "--kumo.identity.service-user=kumo-volume");
        volume.addAll(ComputeIT.testQueueArgs("storageEvents-in-0", "volume"));
        List<String> agent = List.of("--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(),
                "--agent.driver=fake", "--agent.host=" + AGENT_HOST, "--agent.fake.hosts=2",
                "--agent.availability-zone=" + ZONE, "--agent.heartbeat-interval=2s",
                "--agent.fake.fail-build-names=.*fail.*", "--agent.volume.backends=" + BACKEND + ":file:" + VOLUMES,
                "--agent.volume.announce-interval=2s",
                "--agent.volume.image-cache-dir=" + VOLUMES.resolveSibling(VOLUMES.getFileName() + "-images"));
        // the four start side by side: each waits for its own readiness, none needs another to start
        List<java.util.concurrent.CompletableFuture<ServiceProcess>> starting = List.of(
                startAsync("kumo.test.image.jar", "256m", imagePort, image),
                startAsync("kumo.test.network.jar", "256m", networkPort, network),
                startAsync("kumo.test.volume.jar", "256m", ComputeIT.VOLUME_PORT, volume),
                startAsync("kumo.test.agent.jar", "192m", IdentityProcess.freePort(), agent));
        RuntimeException failed = null;
        for (java.util.concurrent.CompletableFuture<ServiceProcess> process : starting) {
            try {
                process.join().destroyOnExit(); // each that started is stopped with the JVM, whatever else failed
            } catch (RuntimeException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
        started = true;
    }

    private static java.util.concurrent.CompletableFuture<ServiceProcess> startAsync(String jarProperty,
            String maxHeap, int port, List<String> arguments) {
        String jar = System.getProperty(jarProperty);
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> ServiceProcess.start(jar, maxHeap, port,
                arguments));
    }

    /** Another agent with the fake driver: one host of its own zone whose builds take {@code spawnDelay}. */
    static ServiceProcess slowAgent(String host, String zone, String spawnDelay) {
        ServiceProcess agent = ServiceProcess.start(System.getProperty("kumo.test.agent.jar"), "192m",
                IdentityProcess.freePort(), List.of("--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(),
                        "--agent.driver=fake", "--agent.host=" + host, "--agent.fake.hosts=1",
                        "--agent.availability-zone=" + zone, "--agent.heartbeat-interval=2s",
                        "--agent.fake.spawn-delay=" + spawnDelay));
        agent.destroyOnExit();
        return agent;
    }

    /**
     * An agent with the runc driver (real containers on this machine; root needed): one host of its own zone
     * whose images come from the tests' image-service with the agent's service user.
     */
    static ServiceProcess runcAgent(String host, String zone, java.nio.file.Path stateDir, String identityUrl,
            int imagePort) {
        return runcAgent(host, zone, stateDir, identityUrl, imagePort, List.of("--agent.runc.id-range-first=600000000"));
    }

    /** {@link #runcAgent} with more settings ({@code agent.network.*}, its own id range, ...). */
    static ServiceProcess runcAgent(String host, String zone, java.nio.file.Path stateDir, String identityUrl,
            int imagePort, List<String> settings) {
        List<String> arguments = concat(eventQueues(host), settings.toArray(String[]::new));
        ServiceProcess agent = ServiceProcess.start(System.getProperty("kumo.test.agent.jar"), "192m",
                IdentityProcess.freePort(), concat(arguments,
                        "--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(), "--agent.driver=runc", "--agent.host=" + host, "--agent.availability-zone=" + zone,
                        "--agent.heartbeat-interval=2s", "--agent.runc.state-dir=" + stateDir,
                        "--agent.image-url=http://127.0.0.1:" + imagePort, "--agent.runc.stop-timeout=2s",
                        "--agent.network-url=http://127.0.0.1:" + ComputeIT.NETWORK_PORT,
                        "--agent.runc.vcpus=4",
                        "--agent.runc.memory-mb=4096", "--agent.runc.disk-gb=20", "--kumo.identity.url=" + identityUrl,
                        "--kumo.identity.service-user=kumo-agent",
                        "--kumo.identity.service-password=" + IdentityProcess.SERVICE_PASSWORD));
        agent.destroyOnExit();
        return agent;
    }

    /**
     * An agent with the libvirt driver (real QEMU VMs through this machine's libvirtd; root needed), as
     * {@link #runcAgent} otherwise; the domain type is TCG, as KVM hangs on these machines.
     */
    static ServiceProcess libvirtAgent(String host, String zone, java.nio.file.Path stateDir, String identityUrl,
            int imagePort) {
        ServiceProcess agent = ServiceProcess.start(System.getProperty("kumo.test.agent.jar"), "192m",
                IdentityProcess.freePort(), concat(eventQueues(host),
                        "--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(), "--agent.driver=libvirt", "--agent.host=" + host, "--agent.availability-zone=" + zone,
                        "--agent.heartbeat-interval=2s", "--agent.libvirt.state-dir=" + stateDir,
                        "--agent.libvirt.domain-type=qemu", "--agent.libvirt.stop-timeout=2s",
                        "--agent.power-sync-interval=2s",
                        "--agent.image-url=http://127.0.0.1:" + imagePort, "--agent.libvirt.vcpus=4",
                        "--agent.network-url=http://127.0.0.1:" + ComputeIT.NETWORK_PORT,
                        "--agent.libvirt.memory-mb=4096", "--agent.libvirt.disk-gb=20",
                        "--kumo.identity.url=" + identityUrl, "--kumo.identity.service-user=kumo-agent",
                        "--kumo.identity.service-password=" + IdentityProcess.SERVICE_PASSWORD));
        agent.destroyOnExit();
        return agent;
    }

    /** The agent's own queues of network and image events, dropped five minutes after the test run like the others. */
    static List<String> eventQueues(String host) {
        String network = "--spring.cloud.stream.rabbit.bindings.networkEvents-in-0.consumer.";
        String image = "--spring.cloud.stream.rabbit.bindings.imageEvents-in-0.consumer.";
        return List.of("--spring.cloud.stream.bindings.networkEvents-in-0.group=agent-net-it-" + host,
                network + "expires=300000",
                "--spring.cloud.stream.bindings.imageEvents-in-0.group=agent-img-it-" + host, image + "expires=300000");
    }

    private static java.nio.file.Path volumesDir() {
        try {
            java.nio.file.Path dir = Files.createTempDirectory("kumo-compute-it-volumes");
            // QEMU (libvirt's qemu user) opens the files it is given: the directory must be traversable
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
