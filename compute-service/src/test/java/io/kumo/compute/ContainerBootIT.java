package io.kumo.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import io.kumo.common.test.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A real container through the public API: compute-service, the scheduler, image-service,
 * network-service and an agent with the runc driver on this machine — its security groups enforced on the
 * host, a rule added through the API taking effect. The container reads its config
 * drive and prints what it read to its console; the API shows it; a volume attached to it is mounted in it,
 * and its data is there when it is attached to another container; deleting it leaves nothing on the host.
 */
class ContainerBootIT extends ServerCloudIT {

    @Test
    void aContainerBootsFromItsImageReadsItsConfigDriveAndLeavesNothingWhenDeleted() throws Exception {
        Path state = Files.createTempDirectory("kumo-compute-it-runc");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx--x--x"));
        String zone = unique("runc-zone");
        String host = unique("runc");
        ServiceProcess agent = CloudProcesses.runcAgent(host, zone, state.resolve("agent"), IDENTITY.url(), IMAGE_PORT);
        java.util.List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            awaitHypervisor(host);
            String demo = demoToken();
            String image = containerImage(state, demo);
            String name = unique("ct");
            String id = bootGuest(demo, name, image, zone, "hello container");
            created.add(id);

            JsonNode active = awaitStatus(id, "ACTIVE", demo);
            assertThat(active.get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> console(id, demo).contains("user-data hello container"));
            assertThat(console(id, demo)).contains("uuid " + id, "hostname " + name);
            JsonNode port = neutron.get("/v2.0/ports?device_id=" + id, adminToken()).json().get("ports").get(0);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> neutron.get("/v2.0/ports/" + port.get("id")
                    .asString(), adminToken()).json().get("port").get("status").asString().equals("ACTIVE"));
            assertThat(Files.exists(Path.of("/var/run/netns", "kumo-" + id))).as("its network namespace").isTrue();
            JsonNode diagnostics = nova.get("/servers/" + id + "/diagnostics", adminToken()).json();
            assertThat(diagnostics.get("cpu_time").asLong()).as(diagnostics.toString()).isPositive();
            assertThat(diagnostics.get("memory-usage").asLong()).isPositive();
            assertThat(diagnostics.get("pids").asLong()).isPositive();
            assertThat(diagnostics.get("pids_limit").asLong()).isPositive();
            assertThat(diagnostics.has("oom_kills")).isTrue();

            assertThat(action(id, demo, "{\"os-stop\": null}").status()).isEqualTo(202);
            awaitStatus(id, "SHUTOFF", demo);
            assertThat(action(id, demo, "{\"os-start\": null}").status()).isEqualTo(202);
            awaitStatus(id, "ACTIVE", demo);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> console(id, demo).lines()
                    .filter(l -> l.equals("kumo-busybox booting")).count() == 2);

            // security groups on the host: a second container in a group of its own, which lets nothing in
            String web = unique("web");
            ApiClient.Response group = neutron.post("/v2.0/security-groups", demo,
                    "{\"security_group\": {\"name\": \"" + web + "\"}}");
            assertThat(group.status()).as(group.text()).isEqualTo(201);
            String guarded = bootGuest(demo, unique("ct-web"), image, zone, "hello web", web);
            created.add(guarded);
            String guardedIp = awaitStatus(guarded, "ACTIVE", demo).get("addresses").findValues("addr").get(0)
                    .asString();
            assertThat(ping(id, guardedIp)).as("its group has no ingress rule").isFalse();
            ApiClient.Response rule = neutron.post("/v2.0/security-group-rules", demo, """
                    {"security_group_rule": {"security_group_id": "%s", "direction": "ingress", "ethertype": "IPv4",
                     "protocol": "icmp", "remote_ip_prefix": "0.0.0.0/0"}}"""
                    .formatted(group.json().get("security_group").get("id").asString()));
            assertThat(rule.status()).as(rule.text()).isEqualTo(201);
            Awaitility.await("the rule takes effect on the host").atMost(Duration.ofSeconds(20))
                    .until(() -> ping(id, guardedIp));

            // a volume: mounted in the running container, its data kept across a detach and an attach elsewhere
            String volume = newVolume(demo, unique("ct-data"), 1);
            ApiClient.Response attached = attach(demo, id, volume);
            assertThat(attached.status()).as(attached.text()).isEqualTo(200);
            String mountPoint = attached.json().get("volumeAttachment").get("device").asString();
            assertThat(mountPoint).startsWith("/mnt/ct-data-");
            awaitVolume(demo, volume, "in-use");
            assertThat(runcExec(state, id, "echo kept-by-" + name + " > " + mountPoint + "/note && cat "
                    + mountPoint + "/note")).isEqualTo("kept-by-" + name);
            assertThat(nova.delete("/servers/" + id + "/os-volume_attachments/" + volume, demo).status())
                    .isEqualTo(202);
            awaitVolume(demo, volume, "available");
            assertThat(runcExec(state, id, "ls /mnt")).as("gone from the first container").isEmpty();
            ApiClient.Response elsewhere = nova.post("/servers/" + guarded + "/os-volume_attachments", demo,
                    "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\", \"device\": \"/mnt/shared\"}}");
            assertThat(elsewhere.status()).as(elsewhere.text()).isEqualTo(200);
            awaitVolume(demo, volume, "in-use");
            assertThat(runcExec(state, guarded, "cat /mnt/shared/note")).as("the data, in the other container")
                    .isEqualTo("kept-by-" + name);

            // the agent restarts under running containers: they run on, and the new agent adopts them
            agent.close();
            assertThat(ping(id, guardedIp)).as("the containers run on without their agent").isTrue();
            agent = CloudProcesses.runcAgent(host, zone, state.resolve("agent"), IDENTITY.url(), IMAGE_PORT);
            String agentUrl = agent.url();
            Awaitility.await("the new agent answers for its containers").atMost(Duration.ofSeconds(60))
                    .ignoreExceptions().until(() -> console(id, demo).contains("kumo-busybox booting"));
            JsonNode adopted = new ApiClient(agentUrl).get("/actuator/instances", null).json().get(host);
            assertThat(adopted.findValues("uuid")).extracting(JsonNode::asString).as("adopted, none duplicated")
                    .containsExactlyInAnyOrder(id, guarded);
            assertThat(adopted.findValues("powerState")).extracting(JsonNode::asString).containsOnly("RUNNING");
            assertThat(awaitStatus(id, "ACTIVE", demo).get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
            assertThat(runcExec(state, guarded, "cat /mnt/shared/note")).as("the adopted container has its volume")
                    .isEqualTo("kept-by-" + name);
            assertThat(nova.delete("/servers/" + guarded, demo).status()).isEqualTo(204);
            awaitVolume(demo, volume, "available");
            assertThat(cinder(demo).delete("/volumes/" + volume, demo).status()).isEqualTo(202);

            assertThat(nova.delete("/servers/" + id, demo).status()).isEqualTo(204);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> nova.get("/servers/" + id, demo).status() == 404
                    && nova.get("/servers/" + guarded, demo).status() == 404);
            assertThat(Files.exists(Path.of("/var/run/netns", "kumo-" + id))).isFalse();
            try (Stream<Path> left = Files.list(state.resolve("agent").resolve("instances"))) {
                assertThat(left).as("nothing of the container is left on the host").isEmpty();
            }
            assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(id);
        } finally {
            deleteQuietly(created);
            agent.close();
            new ProcessBuilder("rm", "-rf", "--one-file-system", state.toString()).start().waitFor();
        }
    }

    /** A shell command run in the container (runc exec, as root of the agent's runc); what it printed. */
    private static String runcExec(Path state, String id, String script) throws Exception {
        Process exec = new ProcessBuilder("runc", "--root", state.resolve("agent").resolve("runc").toString(), "exec",
                id, "/bin/sh", "-c", script).redirectErrorStream(true).start();
        String printed = new String(exec.getInputStream().readAllBytes()).strip();
        assertThat(exec.waitFor()).as(printed).isZero();
        return printed;
    }
}
