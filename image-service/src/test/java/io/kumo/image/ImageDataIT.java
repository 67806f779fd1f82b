package io.kumo.image;

import io.kumo.common.test.ApiClient;
import io.kumo.common.test.IdentityProcess;
import static io.kumo.image.ImagesIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kumo.common.contract.Exchanges;
import io.kumo.image.domain.format.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Image data: streamed in and out, verified, inspected, and never left half-written. */
class ImageDataIT extends ImageIT {

    @Autowired
    ConnectionFactory connections;
    @Autowired
    io.kumo.image.persistence.ImageRepository repository;
    @Autowired
    io.kumo.image.application.StalledUploadReaper reaper;

    @Test
    void anUploadWhoseProcessDiedIsPutBackToQueuedByTheReaper() {
        String token = demoToken();
        String id = createImage(token, "{\"name\": \"orphan\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}")
                .get("id").asString();
        // what a crashed process leaves behind: saving, with its last progress long ago
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s ->
                repository.claimForUpload(id, repository.findById(id).orElseThrow().version(),
                        java.util.UUID.randomUUID().toString(), 0, java.time.Instant.now().minus(Duration.ofHours(1)),
                        io.kumo.image.domain.ImageStatus.QUEUED, io.kumo.image.domain.ImageStatus.SAVING));
        assertThat(status(id, token)).isEqualTo("saving");
        assertThat(reaper.reap()).isGreaterThanOrEqualTo(1);
        assertThat(status(id, token)).isEqualTo("queued");
        assertThat(glance.upload("/v2/images/" + id + "/file", token, new byte[10]).status()).isEqualTo(204);
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void dataNoImageRefersToIsSweptButAnImagesDataStays() throws Exception {
        String token = demoToken();
        String id = createImage(token, "{\"name\": \"kept\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}")
                .get("id").asString();
        glance.upload("/v2/images/" + id + "/file", token, new byte[4096]);
        String location = repository.findById(id).orElseThrow().location();
        var orphan = STORE.resolve(java.util.UUID.randomUUID() + "." + "0".repeat(32));
        Files.write(orphan, new byte[100]);
        var longAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofDays(1)));
        Files.setLastModifiedTime(orphan, longAgo);
        Files.setLastModifiedTime(STORE.resolve(location), longAgo);
        assertThat(reaper.sweepOrphanedData()).isGreaterThanOrEqualTo(1);
        assertThat(orphan).doesNotExist();
        assertThat(STORE.resolve(location)).exists();
        assertThat(glance.get("/v2/images/" + id + "/file", token).body()).hasSize(4096);
    }

    @Test
    void uploadDownloadAndRangesKeepEveryByteAndBothChecksums() throws Exception {
        String token = demoToken();
        Queue events = listenTo(Exchanges.IMAGE_EVENTS, "image.#");
        String id = createImage(token, "{\"name\": \"data\", \"disk_format\": \"qcow2\", \"container_format\": \"bare\"}")
                .get("id").asString();
        assertThat(glance.get("/v2/images/" + id + "/file", token).status()).isEqualTo(204);

        byte[] data = qcow2WithPayload(3 * 1024 * 1024 + 17);
        assertThat(glance.upload("/v2/images/" + id + "/file", token, data).status()).isEqualTo(204);

        JsonNode image = glance.get("/v2/images/" + id, token).json();
        assertThat(image.get("status").asString()).isEqualTo("active");
        assertThat(image.get("size").asLong()).isEqualTo(data.length);
        assertThat(image.get("virtual_size").asLong()).isEqualTo(1L << 30);
        assertThat(image.get("checksum").asString()).isEqualTo(hex("MD5", data));
        assertThat(image.get("os_hash_algo").asString()).isEqualTo("sha512");
        assertThat(image.get("os_hash_value").asString()).isEqualTo(hex("SHA-512", data));

        String agent = IDENTITY.token("kumo-agent", IdentityProcess.SERVICE_PASSWORD, "service");
        assertThat(glance.get("/v2/images/" + id + "/file", agent).body()).as("a host agent reads the private image"
                + " it is to run").isEqualTo(data);
        assertThat(glance.delete("/v2/images/" + id, agent).status()).as("and changes nothing").isEqualTo(403);
        assertThat(glance.get("/v2/images/" + id, newProjectMember(unique("other"))).status()).isEqualTo(404);

        ApiClient.Response download = glance.get("/v2/images/" + id + "/file", token);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(data);
        assertThat(download.header("Content-MD5")).isEqualTo(hex("MD5", data));
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");

        ApiClient.Response range = glance.send("GET", "/v2/images/" + id + "/file", token, null, null,
                new String[] {"Range", "bytes=100-199"});
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.header("Content-Range")).isEqualTo("bytes 100-199/" + data.length);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(data, 100, 200));
        ApiClient.Response beyond = glance.send("GET", "/v2/images/" + id + "/file", token, null, null,
                new String[] {"Range", "bytes=" + data.length + "-"});
        assertThat(beyond.status()).isEqualTo(416);

        assertError(glance.upload("/v2/images/" + id + "/file", token, data), 409);
        Message activated = new RabbitTemplate(connections).receive(events.getName(), 10_000);
        assertThat(activated).isNotNull();
        assertThat(new String(activated.getBody(), StandardCharsets.UTF_8)).contains(id);
    }

    @Test
    void anInterruptedUploadLeavesNoDataAndTheImageQueued() throws Exception {
        String token = demoToken();
        String id = createImage(token, "{\"name\": \"cut\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}")
                .get("id").asString();
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /v2/images/" + id + "/file HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + token
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + (64 << 20) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[4 << 20]);
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> status(id, token).equals("saving"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id, token).equals("queued"));
        try (var files = Files.list(STORE)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(id));
        }
        byte[] data = new byte[1000];
        assertThat(glance.upload("/v2/images/" + id + "/file", token, data).status()).isEqualTo(204);
        assertThat(status(id, token)).isEqualTo("active");
    }

    @Test
    void aSecondUploadWhileOneIsStreamingGets409AndTheFirstCompletes() throws Exception {
        String token = demoToken();
        String id = createImage(token, "{\"name\": \"race\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}")
                .get("id").asString();
        CountDownLatch release = new CountDownLatch(1);
        int size = 2 << 20;
        CompletableFuture<ApiClient.Response> first = CompletableFuture.supplyAsync(() ->
                glance.uploadStream("/v2/images/" + id + "/file", token, () -> new HeldStream(size, release), size));
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id, token).equals("saving"));
        assertError(glance.upload("/v2/images/" + id + "/file", token, new byte[10]), 409);
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(204);
        assertThat(glance.get("/v2/images/" + id, token).json().get("size").asLong()).isEqualTo(size);
    }

    @Test
    void dataThatIsNotWhatTheImageSaysKillsTheImage() throws Exception {
        String token = demoToken();
        String wrong = createImage(token, "{\"name\": \"liar\", \"disk_format\": \"qcow2\", \"container_format\": \"bare\"}")
                .get("id").asString();
        byte[] noise = new byte[100_000];
        new Random(7).nextBytes(noise);
        noise[0] = 1;
        ApiClient.Response refused = glance.upload("/v2/images/" + wrong + "/file", token, noise);
        assertError(refused, 415);
        assertThat(refused.json().get("message").asString()).contains("does not match disk_format qcow2");
        assertThat(status(wrong, token)).isEqualTo("killed");
        assertThat(glance.get("/v2/images/" + wrong + "/file", token).status()).isEqualTo(204);
    }

    @Test
    void aQcow2NamingABackingFileIsRefused() throws Exception {
        String token = demoToken();
        String id = createImage(token, "{\"name\": \"evil\", \"disk_format\": \"qcow2\", \"container_format\": \"bare\"}")
                .get("id").asString();
        ApiClient.Response refused = glance.upload("/v2/images/" + id + "/file", token, evilQcow2());
        assertError(refused, 415);
        assertThat(refused.json().get("message").asString()).contains("backing file");
        assertThat(status(id, token)).isEqualTo("killed");
        try (var files = Files.list(STORE)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(id));
        }
    }

    @Test
    void badUploadsAreRefusedAndTheImageStaysQueued() {
        String token = demoToken();
        String id = createImage(token, "{\"name\": \"strict\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}")
                .get("id").asString();
        assertError(glance.send("PUT", "/v2/images/" + id + "/file", token, "application/octet-stream", new byte[50],
                new String[] {"X-OpenStack-Image-Size", "100"}), 400);
        assertError(glance.send("PUT", "/v2/images/" + id + "/file", token, "text/plain", new byte[50], null), 415);
        String unformatted = createImage(token, "{\"name\": \"no-format\"}").get("id").asString();
        assertError(glance.upload("/v2/images/" + unformatted + "/file", token, new byte[50]), 400);
        assertError(glance.upload("/v2/images/" + id + "/file", newProjectMember(unique("intruder")), new byte[5]), 404);
        assertThat(status(id, token)).isEqualTo("queued");
        assertThat(status(unformatted, token)).isEqualTo("queued");
    }

    @Test
    void deactivatedImagesKeepTheirDataFromNonAdmins() {
        String token = demoToken();
        String id = createImage(token, "{\"name\": \"pulled\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}")
                .get("id").asString();
        glance.upload("/v2/images/" + id + "/file", token, new byte[2048]);
        assertThat(glance.post("/v2/images/" + id + "/actions/deactivate", token, null).status()).isEqualTo(204);
        assertThat(status(id, token)).isEqualTo("deactivated");
        assertError(glance.get("/v2/images/" + id + "/file", token), 403);
        assertThat(glance.get("/v2/images/" + id + "/file", adminToken()).status()).isEqualTo(200);
        assertThat(glance.post("/v2/images/" + id + "/actions/reactivate", token, null).status()).isEqualTo(204);
        assertThat(glance.get("/v2/images/" + id + "/file", token).body()).hasSize(2048);
    }

    @Test
    void projectQuotasFromUnifiedLimitsAreEnforced() {
        String project = unique("quota");
        String token = newProjectMember(project);
        String projectId = projectId(token);
        setLimit(projectId, "image_size_total", 1);
        String id = createImage(token, "{\"name\": \"big\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}")
                .get("id").asString();
        assertError(glance.upload("/v2/images/" + id + "/file", token, new byte[2 << 20]), 413);
        assertThat(status(id, token)).isEqualTo("queued");
        assertThat(glance.upload("/v2/images/" + id + "/file", token, new byte[512 << 10]).status()).isEqualTo(204);

        setLimit(projectId, "image_count_total", 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertError(glance.post("/v2/images", token, "{\"name\": \"one-too-many\"}"), 413));
    }

    @Test
    void aChunkedUploadIsStoppedWhenItOutgrowsTheQuota() {
        String token = newProjectMember(unique("chunked"));
        setLimit(projectId(token), "image_size_total", 2);
        String id = createImage(token, "{\"name\": \"endless\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}")
                .get("id").asString();
        // no Content-Length: the service only learns the size by counting
        ApiClient.Response refused = glance.uploadStream("/v2/images/" + id + "/file", token,
                () -> new java.io.ByteArrayInputStream(new byte[3 << 20]), -1);
        assertError(refused, 413);
        assertThat(status(id, token)).isEqualTo("queued");
    }

    @Test
    void aClaimLosesToAFormatChangeReadBeforeIt() {
        String token = demoToken();
        String id = createImage(token, "{\"name\": \"raced\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}")
                .get("id").asString();
        long versionAsRead = repository.findById(id).orElseThrow().version();
        glance.patch("/v2/images/" + id, token, "application/openstack-images-v2.1-json-patch",
                "[{\"op\": \"replace\", \"path\": \"/disk_format\", \"value\": \"vmdk\"}]");
        Integer claimed = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(s ->
                repository.claimForUpload(id, versionAsRead, java.util.UUID.randomUUID().toString(), 0,
                        java.time.Instant.now(), io.kumo.image.domain.ImageStatus.QUEUED,
                        io.kumo.image.domain.ImageStatus.SAVING));
        assertThat(claimed).isZero();
        assertThat(status(id, token)).isEqualTo("queued");
    }

    private static void setLimit(String projectId, String resource, int value) {
        String admin = adminToken();
        String serviceId = keystone.get("/v3/services?type=image", admin).json().get("services").get(0).get("id").asString();
        ApiClient.Response created = keystone.post("/v3/limits", admin, """
                {"limits": [{"project_id": "%s", "service_id": "%s", "resource_name": "%s", "resource_limit": %d}]}"""
                .formatted(projectId, serviceId, resource, value));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    private Queue listenTo(String exchange, String routingKey) {
        RabbitAdmin admin = new RabbitAdmin(connections);
        Queue queue = new Queue("image-events-it-" + java.util.UUID.randomUUID(), false, true, true);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(exchange)).with(routingKey));
        return queue;
    }

    static String status(String id, String token) {
        return glance.get("/v2/images/" + id, token).json().get("status").asString();
    }

    static byte[] qcow2WithPayload(int size) {
        byte[] data = new byte[size];
        new Random(42).nextBytes(data);
        byte[] header = TestImages.qcow2(1L << 30, null, false, null);
        System.arraycopy(header, 0, data, 0, header.length);
        return data;
    }

    /** A real qemu-img qcow2 pointing at a host file when qemu-img is installed, else one built by hand. */
    private static byte[] evilQcow2() throws IOException, InterruptedException {
        var dir = Files.createTempDirectory("evil-qcow2");
        var image = dir.resolve("evil.qcow2");
        try {
            Process p = new ProcessBuilder("qemu-img", "create", "-f", "qcow2", "-b", "/etc/hostname", "-F", "raw",
                    image.toString(), "1M").redirectErrorStream(true).start();
            if (p.waitFor() == 0 && Files.exists(image)) {
                return Files.readAllBytes(image);
            }
        } catch (IOException notInstalled) {
            // fall through
        }
        return TestImages.qcow2(1L << 20, "/etc/hostname", false, null);
    }

    static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    /** Bytes that stop after the first megabyte until released: an upload in progress. */
    private static final class HeldStream extends InputStream {
        private final int size;
        private final CountDownLatch release;
        private int sent;

        HeldStream(int size, CountDownLatch release) {
            this.size = size;
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (sent >= size) {
                return -1;
            }
            if (sent >= (1 << 20)) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            int n = Math.min(len, size - sent);
            sent += n;
            return n;
        }
    }
}
