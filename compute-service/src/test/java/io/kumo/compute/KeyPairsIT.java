package io.kumo.compute;

import static io.kumo.compute.NovaShape.Type.BOOLEAN;
import static io.kumo.compute.NovaShape.Type.INTEGER;
import static io.kumo.compute.NovaShape.Type.NULL;
import static io.kumo.compute.NovaShape.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KeyPairsIT extends ComputeIT {

    /** An ed25519 key and the MD5 fingerprint ssh-keygen -l -E md5 prints for it. */
    static final String PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHHJSh7LnT58t36RKGLbtb1VsOXvbtlKx8lKhyi8NVJ6 it@kumo";
    static final String FINGERPRINT = "bc:5d:88:1c:f1:a0:83:bb:20:d6:40:85:4d:b3:5e:2e";

    /** Tempest's v2_1 keypairs schemas. */
    static final NovaShape CREATED = NovaShape.of("created keypair").required("fingerprint", STRING)
            .required("name", STRING).required("public_key", STRING).required("user_id", STRING)
            .optional("private_key", STRING);
    static final NovaShape SHOWN = NovaShape.of("keypair").required("public_key", STRING).required("name", STRING)
            .required("fingerprint", STRING).required("user_id", STRING).required("deleted", BOOLEAN)
            .required("created_at", STRING).required("updated_at", STRING, NULL).required("deleted_at", STRING, NULL)
            .required("id", INTEGER);
    static final NovaShape LISTED = NovaShape.of("listed keypair").required("public_key", STRING)
            .required("name", STRING).required("fingerprint", STRING);

    @Test
    void anImportedKeyIsStoredWithNovasFingerprint() {
        String name = unique("k1");
        ApiClient.Response created = nova.post("/os-keypairs", demoToken(),
                "{\"keypair\": {\"name\": \"" + name + "\", \"public_key\": \"" + PUBLIC_KEY + "\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        CREATED.check(created.json().get("keypair"));
        assertThat(created.json().get("keypair").get("fingerprint").asString()).isEqualTo(FINGERPRINT);
        assertThat(created.json().get("keypair").has("private_key")).isFalse();

        JsonNode shown = nova.get("/os-keypairs/" + name, demoToken()).json().get("keypair");
        SHOWN.check(shown);
        assertThat(shown.get("public_key").asString()).isEqualTo(PUBLIC_KEY);
        nova.get("/os-keypairs", demoToken()).json().get("keypairs").forEach(k -> LISTED.check(k.get("keypair")));

        assertNovaError(nova.post("/os-keypairs", demoToken(),
                "{\"keypair\": {\"name\": \"" + name + "\", \"public_key\": \"" + PUBLIC_KEY + "\"}}"), 409,
                "conflictingRequest");
        assertNovaError(nova.get("/os-keypairs/" + name, adminToken()), 404, "itemNotFound");
        assertThat(nova.delete("/os-keypairs/" + name, demoToken()).status()).isEqualTo(202);
        assertNovaError(nova.get("/os-keypairs/" + name, demoToken()), 404, "itemNotFound");
    }

    @Test
    void badKeysAndNamesAreRefusedWith400() {
        assertNovaError(nova.post("/os-keypairs", demoToken(),
                "{\"keypair\": {\"name\": \"bad\", \"public_key\": \"ssh-rsa not-base64!\"}}"), 400, "badRequest");
        assertNovaError(nova.post("/os-keypairs", demoToken(),
                "{\"keypair\": {\"name\": \"bad\", \"public_key\": \"ssh-rsa " + PUBLIC_KEY.split(" ")[1] + "\"}}"),
                400, "badRequest");
        assertNovaError(nova.post("/os-keypairs", demoToken(),
                "{\"keypair\": {\"name\": \"no/slashes\", \"public_key\": \"" + PUBLIC_KEY + "\"}}"), 400,
                "badRequest");
    }

    @Test
    void aGeneratedKeyComesWithAPrivateKeyThatSshAccepts() throws Exception {
        String name = unique("gen");
        ApiClient.Response created = nova.post("/os-keypairs", demoToken(), "{\"keypair\": {\"name\": \"" + name + "\"}}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        JsonNode keypair = created.json().get("keypair");
        CREATED.check(keypair);
        Path key = Files.createTempFile("kumo-it-key", "", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(key, keypair.get("private_key").asString());
            Process derive = new ProcessBuilder("ssh-keygen", "-y", "-f", key.toString()).start();
            assertThat(derive.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String derived = new String(derive.getInputStream().readAllBytes()).strip();
            String[] stored = keypair.get("public_key").asString().split(" ");
            assertThat(derived).startsWith(stored[0] + " " + stored[1]);
        } finally {
            Files.deleteIfExists(key);
        }
        assertThat(nova.get("/os-keypairs/" + name, demoToken()).json().get("keypair").has("private_key")).isFalse();
    }
}
