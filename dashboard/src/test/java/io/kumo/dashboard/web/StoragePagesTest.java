package io.kumo.dashboard.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.ImageRow;
import io.kumo.dashboard.cloud.ServerRow;
import io.kumo.dashboard.cloud.SnapshotRow;
import io.kumo.dashboard.cloud.VolumeRow;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** The volumes page (volumes and snapshots) and the images page (upload, share, delete). */
class StoragePagesTest extends PageTest {

    @Test
    void theVolumesPageListsVolumesWithTheirInstanceAndSnapshots() throws Exception {
        when(volumes.volumes(MEMBER)).thenReturn(List.of(
                new VolumeRow("v-1", "data", "in-use", 1, "s-1", "/dev/vdb", "2026-11-23T04:00:00Z"),
                new VolumeRow("v-2", "new", "creating", 2, null, null, "2026-11-23T04:00:00Z")));
        when(volumes.snapshots(MEMBER)).thenReturn(List.of(new SnapshotRow("sn-1", "nightly", "available", 1, "v-1",
                "2026-11-23T04:00:00Z")));
        when(compute.servers(MEMBER, false)).thenReturn(List.of(new ServerRow("s-1", "web-1", "ACTIVE", null, "",
                "2026-11-23T04:00:00Z", "p-demo")));

        mvc.perform(get("/volumes").with(as(MEMBER))).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("web-1 on /dev/vdb"), containsString("href=\"/instances/s-1\""),
                containsString("nightly (1 GB)"),
                containsString("data-confirm=\"Delete volume data? Its data is lost.\""))));
    }

    @Test
    void cindersRefusalOfASizeIsShownAtTheSizeFieldWithWhatWasTyped() throws Exception {
        when(volumes.create(MEMBER, "big", "-5", "")).thenThrow(new CloudError(400, "Invalid input received:"
                + " size must be an integer greater than 0, got -5"));

        mvc.perform(post("/volumes").with(as(MEMBER)).with(csrf()).param("name", "big").param("size", "-5")
                .param("snapshotId", "")).andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("id=\"size-error\">Invalid input received: size must be an integer"),
                        containsString("value=\"-5\""), containsString("value=\"big\""))));
    }

    @Test
    void createSnapshotAndDeleteAskCinderAndAVolumeInUseSaysWhy() throws Exception {
        mvc.perform(post("/volumes").with(as(MEMBER)).with(csrf()).param("name", "data").param("size", "1")
                .param("snapshotId", "sn-1")).andExpect(redirectedUrl("/volumes"));
        mvc.perform(post("/volumes/v-1/snapshots").param("name", "nightly").with(as(MEMBER)).with(csrf()));
        doThrow(new CloudError(400, "Invalid volume: Volume status must be available or error, but current status"
                + " is: in-use")).when(volumes).delete(MEMBER, "v-1");
        mvc.perform(post("/volumes/v-1/delete").with(as(MEMBER)).with(csrf())).andExpect(flash().attribute(
                "actionError", containsString("current status is: in-use")));

        verify(volumes).create(MEMBER, "data", "1", "sn-1");
        verify(volumes).snapshot(MEMBER, "v-1", "nightly");
    }

    @Test
    void theImagesPageListsImagesAndOffersShareAndDeleteOnlyForTheProjectsOwn() throws Exception {
        when(images.images(MEMBER)).thenReturn(List.of(
                new ImageRow("img-1", "kumo-tiny", "active", 3 << 20, "qcow2", "public", "qemu", false),
                new ImageRow("img-2", "mine", "active", 1 << 20, "raw", "shared", "runc", true)));

        mvc.perform(get("/images").with(as(MEMBER))).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("3.0 MiB"), containsString("action=\"/images/img-2/share\""),
                not(containsString("action=\"/images/img-1/delete\"")), containsString("enctype=\"multipart/form-data\""),
                containsString("id=\"upload-progress\""))));
    }

    @Test
    void anUploadStreamsTheFileToGlanceAndItsRefusalIsShownAtTheField() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "disk.img", "application/octet-stream", new byte[4096]);
        mvc.perform(multipart("/images").file(file).param("name", "disk").param("diskFormat", "raw")
                .param("hypervisorType", "qemu").session(signedIn(MEMBER)).with(csrf())).andExpect(redirectedUrl(
                "/images"));
        verify(images).upload(eq(MEMBER), eq("disk"), eq("raw"), eq("qemu"), any(InputStream.class), eq(4096L));

        when(images.upload(eq(MEMBER), eq("disk"), eq("vhdx"), anyString(), any(), eq(4096L))).thenThrow(
                new CloudError(400, "Invalid value 'vhdx' for disk_format"));
        mvc.perform(multipart("/images").file(file).param("name", "disk").param("diskFormat", "vhdx")
                .param("hypervisorType", "").session(signedIn(MEMBER)).with(csrf())).andExpect(content().string(allOf(
                        containsString("id=\"diskFormat-error\">Invalid value &#39;vhdx&#39; for disk_format"),
                        containsString("value=\"disk\""))));
        mvc.perform(multipart("/images").param("name", "nothing").param("diskFormat", "raw").session(signedIn(
                MEMBER)).with(csrf())).andExpect(content().string(containsString(
                        "id=\"file-error\">Choose the image file to upload.")));
        verify(images, never()).upload(any(), eq("nothing"), any(), any(), any(), org.mockito.ArgumentMatchers.anyLong());
    }

    @Test
    void aLongImageListIsPaged() throws Exception {
        when(images.images(MEMBER)).thenReturn(java.util.stream.IntStream.rangeClosed(1, 45).mapToObj(i -> new ImageRow(
                "img-" + i, "image-" + i, "active", 1 << 20, "raw", "private", null, true)).toList());

        mvc.perform(get("/images").param("page", "3").with(as(MEMBER))).andExpect(content().string(allOf(
                containsString("image-41"), not(containsString(">image-40<")), containsString("Page 3 of 3 (45 images)"),
                containsString("href=\"/images?page=2\""))));
    }

    @Test
    void aMultipartBodyIsTakenOnlyByTheImageUploadOfASignedInSession() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "disk.img", "application/octet-stream", new byte[64]);

        mvc.perform(multipart("/login").file(file).param("user", "demo").with(csrf())).andExpect(
                status().isForbidden());
        mvc.perform(multipart("/images").file(file).param("name", "x").with(csrf())).andExpect(
                status().isForbidden());
        mvc.perform(multipart("/volumes").file(file).param("name", "x").session(signedIn(MEMBER)).with(csrf()))
                .andExpect(status().isForbidden());

        verify(images, never()).upload(any(), any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyLong());
        verify(volumes, never()).create(any(), any(), any(), any());
    }

    @Test
    void shareAndDeleteAskGlance() throws Exception {
        mvc.perform(post("/images/img-2/share").param("projectId", "p-other").with(as(MEMBER)).with(csrf()))
                .andExpect(redirectedUrl("/images"));
        mvc.perform(post("/images/img-2/delete").with(as(MEMBER)).with(csrf())).andExpect(flash().attribute("notice",
                "Deleted the image."));

        verify(images).share(MEMBER, "img-2", "p-other");
        verify(images).delete(MEMBER, "img-2");
    }
}
