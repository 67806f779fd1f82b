package io.kumo.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import io.kumo.common.test.GuestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Base of the tests that boot servers: image-service, network-service and an agent with the fake
 * driver (two hosts) as processes, an image and a network of the demo project to boot from.
 */
abstract class ServerCloudIT extends ComputeIT {

    static final ApiClient glance = new ApiClient("http://127.0.0.1:" + IMAGE_PORT);
    static final ApiClient neutron = new ApiClient("http://127.0.0.1:" + NETWORK_PORT);
    static String imageId;
    static String networkId;

    /** Once, but after the Spring context (compute-service itself) is up: a @BeforeAll would run before it. */
    @BeforeEach
    void cloud() {
        if (imageId != null) {
            return;
        }
        CloudProcesses.ensureStarted(IDENTITY, IMAGE_PORT, NETWORK_PORT);
        // the storage host's first announcement can precede volume-service's queue: wait for one it heard
        String pool = CloudProcesses.AGENT_HOST + "@" + CloudProcesses.BACKEND + "#" + CloudProcesses.BACKEND;
        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> cinder(adminToken())
                .get("/scheduler-stats/get_pools", adminToken()).json().get("pools").findValuesAsString("name")
                .contains(pool));
        imageId = newImage();
        networkId = networkOf(demoToken(), "10.44.0");
        // both fake hosts known to the scheduler before the first boot
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> nova.get("/os-hypervisors", adminToken()).json()
                .get("hypervisors").findValues("hypervisor_hostname").stream()
                .filter(h -> h.asString().startsWith(CloudProcesses.AGENT_HOST)).count() == 2);
    }

    /** A new active public image (4 KiB of zeros, raw); its id. */
    static String newImage() {
        String admin = adminToken();
        ApiClient.Response image = glance.post("/v2/images", admin, "{\"name\": \"" + unique("img")
                + "\", \"disk_format\": \"raw\", \"container_format\": \"bare\", \"visibility\": \"public\"}");
        assertThat(image.status()).as(image.text()).isEqualTo(201);
        String id = image.json().get("id").asString();
        assertThat(glance.upload("/v2/images/" + id + "/file", admin, new byte[4096]).status()).isEqualTo(204);
        return id;
    }

    /** The volume API of the token's project: {@code http://127.0.0.1:VOLUME_PORT/v3/<project>}. */
    static ApiClient cinder(String token) {
        return new ApiClient("http://127.0.0.1:" + VOLUME_PORT + "/v3/" + IDENTITY.projectId(token));
    }

    /** A new available volume of the token's project, kept by the fake agent's storage role; its id. */
    static String newVolume(String token, String name, int sizeGb) {
        ApiClient.Response created = cinder(token).post("/volumes", token, """
                {"volume": {"name": "%s", "size": %d, "availability_zone": "%s"}}"""
                .formatted(name, sizeGb, CloudProcesses.ZONE));
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        String id = created.json().get("volume").get("id").asString();
        awaitVolume(token, id, "available");
        return id;
    }

    static JsonNode awaitVolume(String token, String id, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> cinder(token).get("/volumes/" + id, token).json().get("volume"),
                        v -> v.get("status").asString().equals(status));
    }

    /** POST os-volume_attachments; the response. */
    static ApiClient.Response attach(String token, String serverId, String volumeId) {
        return nova.post("/servers/" + serverId + "/os-volume_attachments", token,
                "{\"volumeAttachment\": {\"volumeId\": \"" + volumeId + "\"}}");
    }

    /** A new network of the token's project with one subnet {@code <prefix>.0/24}; its id. */
    static String networkOf(String token, String prefix) {
        ApiClient.Response net = neutron.post("/v2.0/networks", token, "{\"network\": {\"name\": \"" + unique("net")
                + "\"}}");
        assertThat(net.status()).as(net.text()).isEqualTo(201);
        String id = net.json().get("network").get("id").asString();
        ApiClient.Response subnet = neutron.post("/v2.0/subnets", token, "{\"subnet\": {\"network_id\": \"" + id
                + "\", \"ip_version\": 4, \"cidr\": \"" + prefix + ".0/24\", \"dns_nameservers\": [\"" + prefix
                + ".2\"]}}");
        assertThat(subnet.status()).as(subnet.text()).isEqualTo(201);
        return id;
    }

    /** POST /servers of one m1.tiny server on the network. */
    static ApiClient.Response boot(String token, String name, String network, String extra) {
        return nova.post("/servers", token, """
                {"server": {"name": "%s", "flavorRef": "m1.tiny", "imageRef": "%s", "networks": [{"uuid": "%s"}]%s}}"""
                .formatted(name, imageId, network, extra));
    }

    static ApiClient.Response action(String id, String token, String body) {
        return nova.post("/servers/" + id + "/action", token, body);
    }

    static JsonNode awaitStatus(String id, String status, String token) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> nova.get("/servers/" + id, token).json().get("server"),
                        s -> s.get("status").asString().equals(status));
    }

    /** Waits until the host an agent of the test's own announced shows in os-hypervisors. */
    static void awaitHypervisor(String host) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> nova.get("/os-hypervisors/detail",
                adminToken()).json().get("hypervisors").findValues("hypervisor_hostname").stream()
                .anyMatch(h -> h.asString().equals(host)));
    }

    /** A real guest: one m1.tiny server of the image in the zone of the test's own agent, with user data. */
    static String bootGuest(String token, String name, String image, String zone, String userData) {
        return bootGuest(token, name, image, zone, userData, "default");
    }

    /** {@link #bootGuest} in the security group named. */
    static String bootGuest(String token, String name, String image, String zone, String userData,
            String securityGroup) {
        return bootGuest(token, name, image, zone, userData, securityGroup, networkId);
    }

    /** {@link #bootGuest} in the security group named, on the network given. */
    static String bootGuest(String token, String name, String image, String zone, String userData,
            String securityGroup, String network) {
        String encoded = java.util.Base64.getEncoder().encodeToString(
                userData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ApiClient.Response created = nova.post("/servers", token, """
                {"server": {"name": "%s", "flavorRef": "m1.tiny", "imageRef": "%s", "networks": [{"uuid": "%s"}],
                 "availability_zone": "%s", "user_data": "%s", "security_groups": [{"name": "%s"}]}}"""
                .formatted(name, image, network, zone, encoded, securityGroup));
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        return created.json().get("server").get("id").asString();
    }

    /** The server's whole console log, through os-getConsoleOutput. */
    static String console(String id, String token) {
        ApiClient.Response output = action(id, token, "{\"os-getConsoleOutput\": {\"length\": -1}}");
        assertThat(output.status()).as(output.text()).isEqualTo(200);
        return output.json().get("output").asString();
    }

    /**
     * Deletes the servers (best effort) and waits for them to go, so that a test failing half-way leaves no
     * guest running on the host after its agent stops.
     */
    static void deleteQuietly(java.util.Collection<String> ids) {
        try {
            String token = adminToken();
            ids.forEach(id -> nova.delete("/servers/" + id, token));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                    .allMatch(id -> nova.get("/servers/" + id, token).status() == 404));
        } catch (RuntimeException e) {
            // the test's own failure is what matters
        }
    }

    /** Whether a ping from inside the container {@code fromServer} (its network namespace) reaches the address. */
    static boolean ping(String fromServer, String address) throws Exception {
        Process ping = new ProcessBuilder("ip", "netns", "exec", "kumo-" + fromServer, "busybox", "ping", "-c", "1",
                "-W", "1", address).redirectErrorStream(true).start();
        ping.getInputStream().readAllBytes();
        return ping.waitFor() == 0;
    }

    /**
     * The busybox root filesystem as the project's own private image that asks for a container host (the
     * agent fetches it with its service user).
     */
    static String containerImage(Path dir, String token) {
        ApiClient.Response image = glance.post("/v2/images", token, "{\"name\": \"" + unique("busybox")
                + "\", \"disk_format\": \"raw\", \"container_format\": \"bare\", \"visibility\": \"private\","
                + " \"hypervisor_type\": \"container\"}");
        assertThat(image.status()).as(image.text()).isEqualTo(201);
        String id = image.json().get("id").asString();
        try {
            byte[] tarball = Files.readAllBytes(GuestImages.container(dir.resolve("busybox.tar")));
            assertThat(glance.upload("/v2/images/" + id + "/file", token, tarball).status()).isEqualTo(204);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return id;
    }
}
