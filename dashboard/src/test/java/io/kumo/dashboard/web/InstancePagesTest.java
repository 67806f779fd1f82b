package io.kumo.dashboard.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kumo.dashboard.cloud.Choice;
import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.ImageRow;
import io.kumo.dashboard.cloud.InstanceAction;
import io.kumo.dashboard.cloud.NetworkRow;
import io.kumo.dashboard.cloud.ServerDetail;
import io.kumo.dashboard.cloud.ServerLaunch;
import io.kumo.dashboard.cloud.ServerRow;
import io.kumo.dashboard.cloud.VolumeRow;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The instances list, the launch form, an instance's page, its console log and the actions on it. */
class InstancePagesTest extends PageTest {

    private static final ServerDetail WEB = new ServerDetail("s-1", "web-1", "ACTIVE", null, "Running",
            List.of("private 10.0.0.5"), "1", "img-1", "mykey", "2026-11-23T04:00:00Z", "2026-11-23T04:00:03Z", null,
            null, null, List.of("v-1"));

    @Test
    void theListLinksEachInstanceAndKeepsRefreshingWhileOneBuilds() throws Exception {
        when(compute.servers(MEMBER, false)).thenReturn(List.of(
                new ServerRow("s-1", "web-1", "ACTIVE", null, "private 10.0.0.5", "2026-11-23T04:00:00Z", "p-demo"),
                new ServerRow("s-2", "web-2", "BUILD", "spawning", "", "2026-11-23T04:01:00Z", "p-demo")));

        mvc.perform(get("/instances").with(as(MEMBER))).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("href=\"/instances/s-1\""), containsString("BUILD (spawning)"),
                containsString("data-changing=\"true\""), containsString("data-live=\"/instances/rows?all=false"),
                containsString("Launch instance"))));
    }

    @Test
    void aLongListIsPaged() throws Exception {
        when(compute.servers(MEMBER, false)).thenReturn(IntStream.rangeClosed(1, 25).mapToObj(i -> new ServerRow(
                "s-" + i, "vm-" + i, "ACTIVE", null, "", "2026-11-23T04:00:00Z", "p-demo")).toList());

        mvc.perform(get("/instances").param("page", "2").with(as(MEMBER))).andExpect(content().string(allOf(
                containsString("vm-21"), containsString("vm-25"), not(containsString(">vm-20<")),
                containsString("Page 2 of 2 (25 instances)"), containsString("rel=\"prev\""),
                not(containsString("rel=\"next\"")))));
    }

    @Test
    void onlyAnAdminListsEveryProjectsInstances() throws Exception {
        when(compute.servers(MEMBER, false)).thenReturn(List.of());
        when(compute.servers(ADMIN, true)).thenReturn(List.of(new ServerRow("s-9", "theirs", "ACTIVE", null, "",
                "2026-11-23T04:00:00Z", "p-other")));

        mvc.perform(get("/instances").param("all", "true").with(as(MEMBER))).andExpect(content().string(
                containsString("No instances")));
        mvc.perform(get("/instances").param("all", "true").with(as(ADMIN))).andExpect(content().string(allOf(
                containsString("All instances"), containsString("theirs"), containsString("p-other"))));
    }

    @Test
    void theLaunchFormOffersActiveImagesWithWhatTheyRunAsFlavorsNetworksAndKeyPairs() throws Exception {
        launchChoices();

        mvc.perform(get("/instances/new").with(as(MEMBER))).andExpect(status().isOk()).andExpect(content().string(
                allOf(containsString("kumo-busybox (runc)"), not(containsString("half-uploaded")),
                        containsString("m1.tiny (1 vCPU, 512 MiB RAM, 1 GB disk)"),
                        containsString("private (10.0.0.0/24)"), not(containsString("public-net")),
                        containsString(">mykey<"), containsString("name=\"_csrf\""))));
    }

    @Test
    void aLaunchSendsWhatWasTypedAndShowsTheNewInstance() throws Exception {
        when(compute.launch(eq(MEMBER), any())).thenReturn("s-new");

        mvc.perform(post("/instances").with(as(MEMBER)).with(csrf()).param("name", "web-3").param("imageId", "img-1")
                .param("flavorId", "1").param("networkId", "net-1").param("keyName", "mykey")
                .param("userData", "#cloud-config\npackages: [nginx]").param("count", "2"))
                .andExpect(redirectedUrl("/instances/s-new")).andExpect(flash().attribute("notice",
                        "Launching web-3."));

        verify(compute).launch(MEMBER, new ServerLaunch("web-3", "img-1", "1", "net-1", "mykey",
                "#cloud-config\npackages: [nginx]", "2"));
    }

    @Test
    void novasRefusalIsShownNextToTheFieldItNamesAndTheFormKeepsTheInput() throws Exception {
        launchChoices();
        when(compute.launch(eq(MEMBER), any())).thenThrow(new CloudError(400, "Invalid input for field/attribute"
                + " min_count. Value: lots. 'lots' is not of type 'integer'"));

        mvc.perform(post("/instances").with(as(MEMBER)).with(csrf()).param("name", "web-3").param("imageId", "img-1")
                .param("flavorId", "1").param("networkId", "").param("keyName", "").param("userData", "echo hi")
                .param("count", "lots")).andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("id=\"count-error\">Invalid input for field/attribute min_count. Value: lots."),
                        containsString("value=\"lots\""), containsString("value=\"web-3\""),
                        containsString(">echo hi</textarea>"), containsString("<option value=\"img-1\" selected"))));
    }

    @Test
    void aLaunchWithATokenThatExpiredSendsTheUserToLogIn() throws Exception {
        when(compute.launch(eq(MEMBER), any())).thenThrow(new CloudError(401, "The request you have made requires"
                + " authentication."));

        mvc.perform(post("/instances").with(as(MEMBER)).with(csrf()).param("name", "web-3").param("imageId", "img-1"))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aLaunchWithoutANameIsNotSent() throws Exception {
        launchChoices();

        mvc.perform(post("/instances").with(as(MEMBER)).with(csrf()).param("name", " ").param("imageId", "img-1"))
                .andExpect(content().string(containsString("id=\"name-error\">Give the instance a name.")));

        verify(compute, never()).launch(any(), any());
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/instances").with(as(MEMBER)).param("name", "web-3")).andExpect(status().isForbidden());
        mvc.perform(post("/instances/s-1/delete").with(as(MEMBER))).andExpect(status().isForbidden());

        verify(compute, never()).launch(any(), any());
        verify(compute, never()).delete(any(), any());
    }

    @Test
    void anInstancesPageShowsItsStateVolumesHistoryAndTheFaultWhenItFailed() throws Exception {
        ServerDetail failed = new ServerDetail("s-1", "web-1", "ERROR", null, "No state", List.of(), "1", "img-1",
                null, "2026-11-23T04:00:00Z", "2026-11-23T04:00:03Z", null, "No valid host was found. There are not"
                + " enough hosts available.", "1 host: not enough RAM (512 MiB free, 2048 asked)", List.of("v-1"));
        when(compute.server(MEMBER, "s-1")).thenReturn(failed);
        when(images.nameOf(MEMBER, "img-1")).thenReturn("kumo-tiny");
        when(compute.actions(MEMBER, "s-1")).thenReturn(List.of(new InstanceAction("create", "req-1", "u-demo",
                "2026-11-23T04:00:00Z", "Error")));
        when(volumes.volumes(MEMBER)).thenReturn(List.of(
                new VolumeRow("v-1", "data", "in-use", 1, "s-1", "/dev/vdb", "2026-11-23T04:00:00Z"),
                new VolumeRow("v-2", "spare", "available", 2, null, null, "2026-11-23T04:00:00Z")));

        mvc.perform(get("/instances/s-1").with(as(MEMBER))).andExpect(status().isOk()).andExpect(content().string(
                allOf(containsString("No valid host was found."), containsString("not enough RAM"),
                        containsString("data (1 GB)"), containsString("/dev/vdb"),
                        containsString("<option value=\"v-2\">spare (2 GB)</option>"), containsString("req-1"),
                        containsString("data-confirm=\"Delete web-1? This cannot be undone.\""),
                        containsString("href=\"/instances/s-1/console\""), containsString(">kumo-tiny</dd>"),
                        not(containsString(">Stop</button>")), not(containsString(">Start</button>")))));
    }

    @Test
    void theButtonsAreThoseTheInstancesStateAllows() throws Exception {
        when(compute.server(MEMBER, "s-1")).thenReturn(WEB);
        when(compute.server(MEMBER, "s-2")).thenReturn(new ServerDetail("s-2", "off", "SHUTOFF", null, "Shut down",
                List.of(), "1", "img-1", null, "2026-11-23T04:00:00Z", "2026-11-23T04:00:03Z", null, null, null,
                List.of()));

        mvc.perform(get("/instances/s-1/state").with(as(MEMBER))).andExpect(content().string(allOf(
                containsString(">Stop</button>"), containsString(">Reboot</button>"),
                not(containsString(">Start</button>")), containsString("name=\"_csrf\""))));
        verify(images, never()).nameOf(any(), any()); // the refresh asks Nova only
        mvc.perform(get("/instances/s-2/state").with(as(MEMBER))).andExpect(content().string(allOf(
                containsString(">Start</button>"), not(containsString(">Stop</button>")))));
    }

    @Test
    void anotherProjectsInstanceIsNovasNotFound() throws Exception {
        when(compute.server(MEMBER, "theirs")).thenThrow(new CloudError(404, "Instance theirs could not be found."));

        mvc.perform(get("/instances/theirs").with(as(MEMBER))).andExpect(status().isNotFound()).andExpect(content()
                .string(containsString("Instance theirs could not be found.")));
    }

    @Test
    void theConsoleLogPageShowsWhatTheInstanceWrote() throws Exception {
        when(compute.server(MEMBER, "s-1")).thenReturn(WEB);
        when(compute.consoleLog(MEMBER, "s-1")).thenReturn("kumo-tiny login: <ready>\n");

        mvc.perform(get("/instances/s-1/console").with(as(MEMBER))).andExpect(status().isOk()).andExpect(content()
                .string(containsString("kumo-tiny login: &lt;ready&gt;")));
    }

    @Test
    void anActionNovaRefusesIsShownOnTheInstancesPage() throws Exception {
        doThrow(new CloudError(409, "Cannot 'stop' instance s-1 while it is in vm_state stopped"))
                .when(compute).act(MEMBER, "s-1", "os-stop");

        mvc.perform(post("/instances/s-1/stop").with(as(MEMBER)).with(csrf())).andExpect(redirectedUrl(
                "/instances/s-1")).andExpect(flash().attribute("actionError",
                "Cannot 'stop' instance s-1 while it is in vm_state stopped"));
    }

    @Test
    void startRebootRebuildAndDeleteAskNova() throws Exception {
        when(compute.server(MEMBER, "s-1")).thenReturn(WEB);

        mvc.perform(post("/instances/s-1/start").with(as(MEMBER)).with(csrf())).andExpect(flash().attribute("notice",
                "Starting."));
        mvc.perform(post("/instances/s-1/reboot").param("hard", "true").with(as(MEMBER)).with(csrf()));
        mvc.perform(post("/instances/s-1/rebuild").with(as(MEMBER)).with(csrf()));
        mvc.perform(post("/instances/s-1/delete").with(as(MEMBER)).with(csrf())).andExpect(redirectedUrl(
                "/instances")).andExpect(flash().attribute("notice", "Deleting web-1."));

        verify(compute).act(MEMBER, "s-1", "os-start");
        verify(compute).reboot(MEMBER, "s-1", true);
        verify(compute).rebuild(MEMBER, "s-1", "img-1");
        verify(compute).delete(MEMBER, "s-1");
    }

    @Test
    void aVolumeBackedInstanceIsNotRebuiltFromAnImageItDoesNotHave() throws Exception {
        when(compute.server(MEMBER, "s-9")).thenReturn(new ServerDetail("s-9", "vol", "ACTIVE", null, "Running",
                List.of(), "1", null, null, "2026-11-23T04:00:00Z", "2026-11-23T04:00:03Z", null, null, null,
                List.of("v-1")));

        mvc.perform(post("/instances/s-9/rebuild").with(as(MEMBER)).with(csrf())).andExpect(flash().attribute(
                "actionError", containsString("boots from a volume")));

        verify(compute, never()).rebuild(any(), any(), any());
    }

    @Test
    void attachingAVolumeAsksNovaAndItsRefusalIsShownAtTheVolumePicker() throws Exception {
        mvc.perform(post("/instances/s-1/volumes").param("volumeId", "v-2").with(as(MEMBER)).with(csrf()))
                .andExpect(redirectedUrl("/instances/s-1")).andExpect(flash().attribute("notice",
                        "Attaching the volume."));
        verify(compute).attachVolume(MEMBER, "s-1", "v-2");

        doThrow(new CloudError(400, "Invalid volume: volume v-3 is in-use, not available")).when(compute)
                .attachVolume(MEMBER, "s-1", "v-3");
        mvc.perform(post("/instances/s-1/volumes").param("volumeId", "v-3").with(as(MEMBER)).with(csrf()))
                .andExpect(flash().attribute("attachError", "Invalid volume: volume v-3 is in-use, not available"));
        mvc.perform(post("/instances/s-1/volumes").param("volumeId", "").with(as(MEMBER)).with(csrf()))
                .andExpect(flash().attribute("attachError", "Choose a volume to attach."));
        mvc.perform(post("/instances/s-1/volumes/v-1/detach").with(as(MEMBER)).with(csrf()));
        verify(compute).detachVolume(MEMBER, "s-1", "v-1");
    }

    private void launchChoices() {
        when(images.images(MEMBER)).thenReturn(List.of(
                new ImageRow("img-1", "kumo-tiny", "active", 1 << 20, "qcow2", "public", "qemu", false),
                new ImageRow("img-2", "kumo-busybox", "active", 1 << 20, "raw", "public", "runc", false),
                new ImageRow("img-3", "half-uploaded", "queued", 0, "raw", "private", null, true)));
        when(compute.flavors(MEMBER)).thenReturn(List.of(new Choice("1", "m1.tiny (1 vCPU, 512 MiB RAM, 1 GB disk)")));
        when(networks.networks(MEMBER)).thenReturn(List.of(
                new NetworkRow("net-1", "private", "ACTIVE", false, false, List.of("10.0.0.0/24"), true),
                new NetworkRow("net-9", "public-net", "ACTIVE", true, true, List.of("172.24.4.0/24"), false)));
        when(keyPairs.list(MEMBER)).thenReturn(List.of(new io.kumo.dashboard.cloud.KeyPair("mykey", "aa:bb",
                "ssh-ed25519 AAAA", null)));
    }
}
