package io.kumo.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import io.kumo.common.test.GuestImages;
import io.kumo.common.test.IdentityProcess;
import io.kumo.common.test.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.VolumeAttachment;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.model.storage.block.VolumeSnapshot;
import org.openstack4j.openstack.OSFactory;
import tools.jackson.databind.JsonNode;

/**
 * A real VM through the public API (its power state kept in sync with what the host sees; a volume attached
 * through openstack4j hot-plugged into it and taken out again, as its console shows): compute-service, the scheduler, image-service, network-service and an
 * agent with the libvirt driver on this machine's libvirtd and QEMU (TCG). The image is kumo-tiny's
 * three-part layout — a kernel (aki), a busybox initramfs (ari) and a root disk naming them — so the guest
 * boots directly, reads its config drive from the CD-ROM, configures its NIC from network_data.json and
 * prints what it read to the serial console, which the API shows.
 */
class VmBootIT extends ServerCloudIT {

    @Test
    void aVmBootsFromAThreePartImageReadsItsConfigDriveAndLeavesNothingWhenDeleted() throws Exception {
        Path state = Files.createTempDirectory("kumo-compute-it-libvirt");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx--x--x"));
        String zone = unique("vm-zone");
        String host = unique("kvm");
        ServiceProcess agent = CloudProcesses.libvirtAgent(host, zone, state.resolve("agent"), IDENTITY.url(),
                IMAGE_PORT);
        java.util.List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            awaitHypervisor(host);
            String demo = demoToken();
            String image = tinyImage(state, demo);
            String name = unique("vm");
            String id = bootGuest(demo, name, image, zone, "hello vm");
            created.add(id);

            JsonNode active = awaitStatus(id, "ACTIVE", demo);
            assertThat(active.get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
            String address = active.get("addresses").findValues("addr").get(0).asString();
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> console(id, demo).contains("kumo-tiny ready"));
            assertThat(console(id, demo)).contains("uuid " + id, "hostname " + name, "user-data hello vm",
                    "eth0 " + address);
            JsonNode diagnostics = nova.get("/servers/" + id + "/diagnostics", adminToken()).json();
            assertThat(diagnostics.get("cpu0_time").asLong()).as(diagnostics.toString()).isPositive();
            assertThat(diagnostics.get("memory-rss").asLong()).isPositive();
            assertThat(diagnostics.get("vda_read_req").asLong()).isPositive();

            // a volume through openstack4j (Jenkins' client): the running guest sees the disk come and go
            OSClient.OSClientV3 os = OSFactory.builderV3().endpoint(IDENTITY.url() + "/v3")
                    .credentials("demo", IdentityProcess.DEMO_PASSWORD, Identifier.byName("Default"))
                    .scopeToProject(Identifier.byName("demo"), Identifier.byName("Default")).authenticate();
            Volume volume = os.blockStorage().volumes().create(Builders.volume().name(unique("vm-data")).size(1)
                    .zone(CloudProcesses.ZONE).build());
            awaitVolume(os, volume.getId(), Volume.Status.AVAILABLE);
            VolumeAttachment attachment = os.compute().servers().attachVolume(id, volume.getId(), null);
            assertThat(attachment.getDevice()).isEqualTo("/dev/vdb");
            awaitVolume(os, volume.getId(), Volume.Status.IN_USE);
            String serial = volume.getId().substring(0, 20);
            Awaitility.await("the guest sees the disk").atMost(Duration.ofSeconds(60)).until(() -> console(id, demo)
                    .contains("kumo-tiny disk vdb added: 2097152 sectors, serial " + serial));
            assertThat(os.compute().servers().detachVolume(id, volume.getId()).isSuccess()).isTrue();
            Awaitility.await("the guest lets go of it").atMost(Duration.ofSeconds(60)).until(() -> console(id, demo)
                    .contains("kumo-tiny disk vdb removed"));
            awaitVolume(os, volume.getId(), Volume.Status.AVAILABLE);
            VolumeSnapshot snapshot = os.blockStorage().snapshots().create(Builders.volumeSnapshot()
                    .name(unique("vm-data-snap")).volume(volume.getId()).build());
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> os.blockStorage()
                    .snapshots().get(snapshot.getId()).getStatus() == Volume.Status.AVAILABLE);
            Volume copy = os.blockStorage().volumes().create(Builders.volume().name(unique("vm-data-copy"))
                    .snapshot(snapshot.getId()).size(1).zone(CloudProcesses.ZONE).build());
            awaitVolume(os, copy.getId(), Volume.Status.AVAILABLE);
            assertThat(os.blockStorage().volumes().delete(copy.getId()).isSuccess()).isTrue();
            assertThat(os.blockStorage().snapshots().delete(snapshot.getId()).isSuccess()).isTrue();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> os.blockStorage()
                    .snapshots().get(snapshot.getId()) == null && os.blockStorage().volumes().get(copy.getId()) == null);
            assertThat(os.blockStorage().volumes().delete(volume.getId()).isSuccess()).isTrue();

            Process off = new ProcessBuilder("virsh", "-c", "qemu:///system", "destroy", "kumo-" + id).start();
            assertThat(off.waitFor()).as("the guest powered off behind Kumo's back").isZero();
            JsonNode synced = awaitStatus(id, "SHUTOFF", demo);
            assertThat(synced.get("OS-EXT-STS:power_state").asInt()).as("the host's power-state sync").isEqualTo(4);
            assertThat(synced.get("OS-EXT-STS:task_state").isNull()).isTrue();
            assertThat(action(id, demo, "{\"os-start\": null}").status()).isEqualTo(202);
            awaitStatus(id, "ACTIVE", demo);
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> console(id, demo).lines()
                    .filter(l -> l.equals("kumo-tiny ready")).count() == 2);

            assertThat(nova.delete("/servers/" + id, demo).status()).isEqualTo(204);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> nova.get("/servers/" + id, demo).status() == 404);
            try (Stream<Path> left = Files.list(state.resolve("agent").resolve("instances"))) {
                assertThat(left).as("nothing of the VM is left on the host").isEmpty();
            }
            Process virsh = new ProcessBuilder("virsh", "-c", "qemu:///system", "list", "--all", "--uuid").start();
            assertThat(new String(virsh.getInputStream().readAllBytes())).as("no domain left").doesNotContain(id);
        } finally {
            deleteQuietly(created);
            agent.close();
            new ProcessBuilder("rm", "-rf", "--one-file-system", state.toString()).start().waitFor();
        }
    }

    /** openstack4j keeps its session per thread: polled on this one. */
    private static void awaitVolume(OSClient.OSClientV3 os, String id, Volume.Status status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(250))
                .until(() -> os.blockStorage().volumes().get(id).getStatus() == status);
    }

    /** kumo-tiny as the project's private images: kernel, ramdisk, and the root disk that names them. */
    private static String tinyImage(Path dir, String token) throws IOException {
        GuestImages.VmImage vm = GuestImages.vm(dir.resolve("tiny"));
        String kernel = upload(token, "{\"name\": \"" + unique("tiny-kernel") + "\", \"disk_format\": \"aki\","
                + " \"container_format\": \"aki\"}", vm.kernel());
        String ramdisk = upload(token, "{\"name\": \"" + unique("tiny-ramdisk") + "\", \"disk_format\": \"ari\","
                + " \"container_format\": \"ari\"}", vm.initrd());
        return upload(token, "{\"name\": \"" + unique("tiny") + "\", \"disk_format\": \"qcow2\", \"container_format\":"
                + " \"bare\", \"hypervisor_type\": \"qemu\", \"kernel_id\": \"" + kernel + "\", \"ramdisk_id\": \""
                + ramdisk + "\", \"os_command_line\": \"" + GuestImages.COMMAND_LINE + "\"}", vm.disk());
    }

    private static String upload(String token, String record, Path file) {
        ApiClient.Response image = glance.post("/v2/images", token, record);
        assertThat(image.status()).as(image.text()).isEqualTo(201);
        String id = image.json().get("id").asString();
        try {
            assertThat(glance.upload("/v2/images/" + id + "/file", token, Files.readAllBytes(file)).status())
                    .isEqualTo(204);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }
}
