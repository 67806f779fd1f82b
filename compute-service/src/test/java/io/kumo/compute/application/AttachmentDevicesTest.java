package io.kumo.compute.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.error.ApiException;
import io.kumo.compute.application.AttachmentDevices.Kind;
import io.kumo.compute.client.VolumeService;
import io.kumo.compute.domain.VolumeAttachment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttachmentDevicesTest {

    private final AttachmentDevices devices = new AttachmentDevices(null);

    @Test
    void aVmGetsTheNextFreeVirtioDiskOrTheOneAskedForWhileItIsFree() {
        VolumeService.Volume volume = volume("data", Map.of());

        assertThat(devices.choose(Kind.VM, null, volume, List.of())).isEqualTo("/dev/vdb");
        assertThat(devices.choose(Kind.VM, null, volume, attached("/dev/vdb", "/dev/vdd"))).isEqualTo("/dev/vdc");
        assertThat(devices.choose(Kind.VM, "/dev/vdf", volume, attached("/dev/vdb"))).isEqualTo("/dev/vdf");
        assertThatThrownBy(() -> devices.choose(Kind.VM, "/dev/vdb", volume, attached("/dev/vdb")))
                .isInstanceOf(ApiException.class).hasMessageContaining("is in use");
        List<String> all = new ArrayList<>();
        for (char c = 'b'; c <= 'z'; c++) {
            all.add("/dev/vd" + c);
        }
        assertThatThrownBy(() -> devices.choose(Kind.VM, null, volume, attached(all.toArray(String[]::new))))
                .isInstanceOf(ApiException.class).hasMessageContaining("No free disk device names");
        for (String bad : List.of("/dev/vda", "/dev/sdb", "vdb", "/dev/vdb1", "/mnt/data")) {
            assertThatThrownBy(() -> devices.requireValid(Kind.VM, bad, volume)).as(bad)
                    .isInstanceOf(ApiException.class).hasMessageContaining("is invalid");
        }
    }

    @Test
    void aContainerHasItAtTheMountPointAskedForOrItsMetadatasOrUnderItsName() {
        assertThat(devices.choose(Kind.CONTAINER, "/mnt/cache", volume("data", Map.of("mount_point", "/mnt/meta")),
                List.of())).isEqualTo("/mnt/cache");
        assertThat(devices.choose(Kind.CONTAINER, null, volume("data", Map.of("mount_point", "/mnt/meta")),
                List.of())).isEqualTo("/mnt/meta");
        assertThat(devices.choose(Kind.CONTAINER, null, volume("data", Map.of()), List.of())).isEqualTo("/mnt/data");
        assertThat(devices.choose(Kind.CONTAINER, null, volume("my data/../x", Map.of()), List.of()))
                .as("a name that is no plain file name: the id").isEqualTo("/mnt/vol-1");
        assertThat(devices.choose(Kind.CONTAINER, null, volume(null, Map.of()), List.of())).isEqualTo("/mnt/vol-1");
        assertThatThrownBy(() -> devices.choose(Kind.CONTAINER, null, volume("data", Map.of()),
                attached("/mnt/data"))).isInstanceOf(ApiException.class).hasMessageContaining("is in use");
        for (String bad : List.of("/etc", "/mnt/../etc", "/mnt/a/b", "/mnt/", "/mnt/.hidden", "mnt/x")) {
            assertThatThrownBy(() -> devices.requireValid(Kind.CONTAINER, bad, volume("data", Map.of()))).as(bad)
                    .isInstanceOf(ApiException.class).hasMessageContaining("is invalid");
        }
        assertThatThrownBy(() -> devices.requireValid(Kind.CONTAINER, null, volume("data",
                Map.of("mount_point", "/var/lib")))).isInstanceOf(ApiException.class);
    }

    private static VolumeService.Volume volume(String name, Map<String, String> metadata) {
        return new VolumeService.Volume("vol-1", name, "available", 1, metadata, List.of());
    }

    private static List<VolumeAttachment> attached(String... devices) {
        List<VolumeAttachment> attachments = new ArrayList<>();
        for (String device : devices) {
            attachments.add(new VolumeAttachment("v-" + device, "s-1", "p-1", device,
                    VolumeAttachment.Status.ATTACHED, "req", Instant.EPOCH, Instant.EPOCH));
        }
        return attachments;
    }
}
