package io.kumo.image;

import io.kumo.common.test.ApiClient;
import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.IdentityProcess;
import io.kumo.common.test.ServiceProcess;
import io.kumo.common.test.TestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A 1 GiB image up and down through an image-service process held to a 256 MiB heap: the data must
 * stream, never sit in memory. The bytes are generated and hashed on the fly on this side too.
 */
class LargeImageIT extends ImageIT {

    private static final long SIZE = 1L << 30;

    @Test
    void aGibibyteImageStreamsThroughA256MiBHeap() throws Exception {
        String token = newProjectMember(unique("large"));
        setSizeLimit(projectId(token), 2048);
        Path store = Files.createTempDirectory("kumo-large-image");
        int port = ServiceProcess.freePort();
        try (ServiceProcess service = ServiceProcess.start(System.getProperty("kumo.test.image.jar"), "256m", port,
                List.of("--spring.datasource.url=" + TestInfrastructure.freshDatabase("kumo_image_large_it"),
                        "--spring.datasource.username=" + TestInfrastructure.dbUser(),
                        "--spring.datasource.password=" + TestInfrastructure.dbPassword(),
                        "--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(),
                        "--kumo.identity.url=" + IDENTITY.url(),
                        "--kumo.identity.service-user=kumo-image",
                        "--kumo.identity.service-password=" + IdentityProcess.SERVICE_PASSWORD,
                        "--image.file-store-dir=" + store))) {
            ApiClient api = new ApiClient(service.url());
            String id = api.post("/v2/images", token,
                    "{\"name\": \"large\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}").json()
                    .get("id").asString();
            GeneratedData upload = new GeneratedData(SIZE);
            ApiClient.Response put = api.uploadStream("/v2/images/" + id + "/file", token, () -> upload, SIZE);
            assertThat(put.status()).as(put.text()).isEqualTo(204);

            String sent = upload.md5();
            JsonNode image = api.get("/v2/images/" + id, token).json();
            assertThat(image.get("status").asString()).isEqualTo("active");
            assertThat(image.get("size").asLong()).isEqualTo(SIZE);
            assertThat(image.get("checksum").asString()).isEqualTo(sent);

            HttpResponse<InputStream> get = api.download("/v2/images/" + id + "/file", token);
            assertThat(get.statusCode()).isEqualTo(200);
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            long received = 0;
            try (InputStream in = get.body()) {
                byte[] buffer = new byte[1 << 20];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    md5.update(buffer, 0, n);
                    received += n;
                }
            }
            assertThat(received).isEqualTo(SIZE);
            assertThat(HexFormat.of().formatHex(md5.digest())).isEqualTo(sent);
            assertThat(api.delete("/v2/images/" + id, token).status()).isEqualTo(204);
        }
    }

    private static void setSizeLimit(String projectId, int mib) {
        String admin = adminToken();
        String serviceId = keystone.get("/v3/services?type=image", admin).json().get("services").get(0).get("id").asString();
        keystone.post("/v3/limits", admin, """
                {"limits": [{"project_id": "%s", "service_id": "%s", "resource_name": "image_size_total",
                  "resource_limit": %d}]}""".formatted(projectId, serviceId, mib));
    }

    /** {@code size} pseudo-random bytes, produced (and MD5-hashed) as they are read. */
    private static final class GeneratedData extends InputStream {
        private final byte[] block = new byte[1 << 20];
        private final MessageDigest md5;
        private final long size;
        private long position;

        GeneratedData(long size) throws Exception {
            this.size = size;
            new Random(2026).nextBytes(block);
            this.md5 = MessageDigest.getInstance("MD5");
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int at = (int) (position % block.length);
            if (at == 0) {
                long index = position / block.length; // every MiB differs from the others
                for (int i = 0; i < 8; i++) {
                    block[i] = (byte) (index >>> (8 * i));
                }
            }
            int n = (int) Math.min(Math.min(len, block.length - at), size - position);
            System.arraycopy(block, at, b, off, n);
            md5.update(b, off, n);
            position += n;
            return n;
        }

        /** The hash of everything read; call once, at the end. */
        String md5() {
            return HexFormat.of().formatHex(md5.digest());
        }
    }
}
