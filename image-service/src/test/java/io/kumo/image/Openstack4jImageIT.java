package io.kumo.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.IdentityProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.common.Payloads;
import org.openstack4j.model.image.v2.ContainerFormat;
import org.openstack4j.model.image.v2.DiskFormat;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.openstack.OSFactory;

/**
 * openstack4j 3.12's image v2 client (Jenkins' OpenStack plugin) against the real identity and
 * image services: create, upload, download and delete, the checksum verified end to end.
 */
class Openstack4jImageIT extends ImageIT {

    @Test
    void createUploadDownloadDeleteWithTheChecksumVerified() throws Exception {
        OSClient.OSClientV3 os = OSFactory.builderV3()
                .endpoint(IDENTITY.url() + "/v3")
                .credentials("demo", IdentityProcess.DEMO_PASSWORD, Identifier.byName("Default"))
                .scopeToProject(Identifier.byName("demo"), Identifier.byName("Default"))
                .authenticate();
        Path file = Files.createTempFile("o4j-image", ".raw");
        byte[] data = new byte[5 * 1024 * 1024 + 3];
        new Random(11).nextBytes(data);
        data[0] = 0;
        Files.write(file, data);

        Image created = os.imagesV2().create(Builders.imageV2().name(unique("o4j")).containerFormat(ContainerFormat.BARE)
                .diskFormat(DiskFormat.RAW).visibility(Image.ImageVisibility.PRIVATE).minDisk(1L).build());
        assertThat(created.getStatus()).isEqualTo(Image.ImageStatus.QUEUED);

        ActionResponse uploaded = os.imagesV2().upload(created.getId(), Payloads.create(file.toFile()), created);
        assertThat(uploaded.isSuccess()).as(uploaded.getFault()).isTrue();

        Image active = os.imagesV2().get(created.getId());
        assertThat(active.getStatus()).isEqualTo(Image.ImageStatus.ACTIVE);
        assertThat(active.getSize()).isEqualTo(data.length);
        assertThat(active.getChecksum()).isEqualTo(ImageDataIT.hex("MD5", data));

        Path copy = Files.createTempFile("o4j-copy", ".raw");
        ActionResponse downloaded = os.imagesV2().download(created.getId(), copy.toFile());
        assertThat(downloaded.isSuccess()).as(downloaded.getFault()).isTrue();
        assertThat(ImageDataIT.hex("MD5", Files.readAllBytes(copy))).isEqualTo(active.getChecksum());

        assertThat(os.imagesV2().list()).extracting(Image::getId).contains(created.getId());
        assertThat(os.imagesV2().delete(created.getId()).isSuccess()).isTrue();
        assertThat(os.imagesV2().get(created.getId())).isNull();
    }
}
