package io.kumo.compute.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The config drive as cloud-init reads it: the OpenStack tree, and the EC2 one beside it. */
class ConfigDriveFilesTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String USER_DATA = Base64.getEncoder().encodeToString("#cloud-config\n".getBytes(
            StandardCharsets.UTF_8));

    @Test
    void theOpenstackAndEc2TreesCarryTheSameServerWithItsUserData() {
        Server server = new Server("0b8a6c1e-55aa-4c5e-9a55-7e2f3d2b1c00", "p", "u", "vm1", "vm1",
                new Flavor("m1.tiny", "m1.tiny", 1, 512, 1, 0, 0, 1.0, true, false, Map.of()),
                "c0ffee00-1111-2222-3333-444455556666", "qemu", "k1", "ssh-ed25519 AAAA k1", USER_DATA, true,
                "nova", 0, "r-7f3a2b1c", VmState.BUILDING, TaskState.SPAWNING, 0, "host-1", null, 1, NOW, "req-1", null,
                NOW, NOW, null, null, 0, Map.of("role", "web"), List.of(), List.of("default"), null);
        List<ConfigDriveFiles.Nic> nics = List.of(new ConfigDriveFiles.Nic("5e3c2a10-aaaa-bbbb-cccc-000000000001",
                "fa:16:3e:00:00:01", 1450, "net-1", List.of(new ConfigDriveFiles.Address("10.0.0.5", "10.0.0.0/24",
                        "10.0.0.1", List.of("10.0.0.2")))));

        Map<String, String> files = ConfigDriveFiles.of(server, nics, Map.of());

        assertThat(files).containsKeys("openstack/latest/meta_data.json", "openstack/2018-08-27/meta_data.json",
                "openstack/latest/network_data.json", "openstack/latest/vendor_data.json", "openstack/latest/user_data",
                "ec2/latest/meta-data.json", "ec2/2009-04-04/meta-data.json", "ec2/latest/user-data",
                "ec2/2009-04-04/user-data");
        assertThat(files.get("ec2/latest/user-data")).isEqualTo(USER_DATA);
        JsonNode meta = json(files.get("openstack/latest/meta_data.json"));
        assertThat(meta.get("uuid").asString()).isEqualTo(server.id());
        assertThat(meta.get("public_keys").get("k1").asString()).isEqualTo("ssh-ed25519 AAAA k1");
        JsonNode ec2 = json(files.get("ec2/latest/meta-data.json"));
        assertThat(ec2.get("instance-id").asString()).isEqualTo("i-0b8a6c1e");
        assertThat(ec2.get("ami-id").asString()).isEqualTo("ami-c0ffee00");
        assertThat(ec2.get("instance-type").asString()).isEqualTo("m1.tiny");
        assertThat(ec2.get("local-ipv4").asString()).isEqualTo("10.0.0.5");
        assertThat(ec2.get("placement").get("availability-zone").asString()).isEqualTo("nova");
        assertThat(ec2.get("public-keys").get("0").get("openssh-key").asString()).isEqualTo("ssh-ed25519 AAAA k1");
        assertThat(ec2.get("reservation-id").asString()).isEqualTo("r-7f3a2b1c");
        JsonNode network = json(files.get("openstack/latest/network_data.json"));
        assertThat(network.get("networks").get(0).get("netmask").asString()).isEqualTo("255.255.255.0");
        assertThat(network.get("networks").get(0).get("routes").get(0).get("gateway").asString()).isEqualTo("10.0.0.1");
    }

    private static JsonNode json(String base64) {
        return JSON.readTree(Base64.getDecoder().decode(base64));
    }
}
