package io.kumo.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import io.kumo.compute.application.VolumeAttachments;
import io.kumo.compute.domain.VolumeAttachment;
import io.kumo.compute.persistence.VolumeAttachmentRecords;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Nova's os-volume_attachments against volume-service and the fake agent (which is also the storage host):
 * an attach reserves the volume and the host's answer makes it in-use, a detach frees it, a deleted server's
 * volumes are given back, an attach whose answer was lost is sent again and finished; bad input and wrong
 * states are Nova's 4xx and change nothing.
 */
class VolumeAttachmentsIT extends ServerCloudIT {

    @Autowired
    VolumeAttachments attachments;

    @Autowired
    VolumeAttachmentRecords attachmentRecords;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Test
    void aVolumeIsAttachedShownDetachedAndFreedAgainAndEveryStepIsAnInstanceAction() {
        String demo = demoToken();
        String server = bootActive(demo, unique("attach"));
        String volume = newVolume(demo, unique("data"), 1);

        ApiClient.Response attached = attach(demo, server, volume);

        assertThat(attached.status()).as(attached.text()).isEqualTo(200);
        JsonNode attachment = attached.json().get("volumeAttachment");
        assertThat(attachment.get("device").asString()).isEqualTo("/dev/vdb");
        assertThat(attachment.get("id").asString()).isEqualTo(volume);
        assertThat(attachment.get("volumeId").asString()).isEqualTo(volume);
        assertThat(attachment.get("serverId").asString()).isEqualTo(server);
        JsonNode inUse = awaitVolume(demo, volume, "in-use");
        assertThat(inUse.get("attachments").get(0).get("server_id").asString()).isEqualTo(server);
        assertThat(inUse.get("attachments").get(0).get("device").asString()).isEqualTo("/dev/vdb");
        assertThat(nova.get("/servers/" + server, demo).json().get("server").get("os-extended-volumes:volumes_attached")
                .findValuesAsString("id")).containsExactly(volume);
        assertThat(nova.get("/servers/detail", demo).json().get("servers").findValues("os-extended-volumes:volumes_attached")
                .stream().anyMatch(v -> v.findValuesAsString("id").contains(volume))).isTrue();
        JsonNode listed = nova.get("/servers/" + server + "/os-volume_attachments", demo).json()
                .get("volumeAttachments");
        assertThat(listed.findValuesAsString("volumeId")).containsExactly(volume);
        assertThat(nova.get("/servers/" + server + "/os-volume_attachments/" + volume, demo).json()
                .get("volumeAttachment").get("device").asString()).isEqualTo("/dev/vdb");

        String second = newVolume(demo, unique("logs"), 1);
        assertThat(attach(demo, server, second).json().get("volumeAttachment").get("device").asString())
                .as("the next free disk").isEqualTo("/dev/vdc");
        awaitVolume(demo, second, "in-use");

        ApiClient.Response deleteInUse = cinder(demo).delete("/volumes/" + volume, demo);
        assertThat(deleteInUse.status()).as("a volume in use cannot be deleted").isEqualTo(400);

        assertThat(nova.delete("/servers/" + server + "/os-volume_attachments/" + volume, demo).status())
                .isEqualTo(202);
        JsonNode free = awaitVolume(demo, volume, "available");
        assertThat(free.get("attachments")).isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> nova.get("/servers/" + server
                + "/os-volume_attachments", demo).json().get("volumeAttachments").findValuesAsString("volumeId")
                .equals(List.of(second)));
        assertNovaError(nova.delete("/servers/" + server + "/os-volume_attachments/" + volume, demo), 404,
                "itemNotFound");

        JsonNode history = nova.get("/servers/" + server + "/os-instance-actions", demo).json().get("instanceActions");
        assertThat(history.findValuesAsString("action")).containsExactly("detach_volume", "attach_volume",
                "attach_volume", "create");
        String detachRequest = history.get(0).get("request_id").asString();
        JsonNode detach = nova.get("/servers/" + server + "/os-instance-actions/" + detachRequest, adminToken())
                .json().get("instanceAction");
        assertThat(detach.get("events").findValuesAsString("event")).containsExactly("compute_detach_volume");
        assertThat(detach.get("events").findValuesAsString("result")).containsExactly("Success");

        assertThat(nova.delete("/servers/" + server, demo).status()).isEqualTo(204);
        assertThat(awaitVolume(demo, second, "available").get("attachments")).as("given back with its server")
                .isEmpty();
        assertThat(cinder(demo).delete("/volumes/" + volume, demo).status()).isEqualTo(202);
        assertThat(cinder(demo).delete("/volumes/" + second, demo).status()).isEqualTo(202);
    }

    @Test
    void badInputAndWrongStatesAreNovasErrorsAndLeaveTheVolumeAsItWas() throws Exception {
        String demo = demoToken();
        String server = bootActive(demo, unique("refuse"));
        String volume = newVolume(demo, unique("once"), 1);
        String others = newVolume(adminToken(), unique("admins"), 1);

        assertNovaError(attach(demo, server, others), 404, "itemNotFound");
        assertNovaError(attach(demo, server, "6f1d7c1e-0000-4000-8000-000000000000"), 404, "itemNotFound");
        assertNovaError(attach(demo, server, "not-a-uuid"), 400, "badRequest");
        assertNovaError(nova.post("/servers/" + server + "/os-volume_attachments", demo, "{\"volumeAttachment\": {}}"),
                400, "badRequest");
        assertNovaError(nova.post("/servers/" + server + "/os-volume_attachments", demo,
                "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\", \"device\": \"/dev/sda\"}}"), 400,
                "badRequest");
        assertNovaError(attach(demo, "6f1d7c1e-0000-4000-8000-000000000001", volume), 404, "itemNotFound");
        assertNovaError(attach(IDENTITY.newProjectMember(unique("stranger")), server, volume), 404,
                "itemNotFound");
        assertThat(awaitVolume(demo, volume, "available").get("attachments")).as("nothing reserved").isEmpty();

        assertThat(attach(demo, server, volume).status()).isEqualTo(200);
        awaitVolume(demo, volume, "in-use");
        assertNovaError(attach(demo, server, volume), 400, "badRequest");
        String other = bootActive(demo, unique("other"));
        assertNovaError(attach(demo, other, volume), 400, "badRequest");

        ApiClient.Response extendInUse = cinder(demo).post("/volumes/" + volume + "/action", demo,
                "{\"os-extend\": {\"new_size\": 2}}");
        assertThat(extendInUse.status()).as("an in-use volume is not extended").isEqualTo(400);
        assertThat(awaitVolume(demo, volume, "in-use").get("attachments").get(0).get("server_id").asString())
                .isEqualTo(server);
        assertThat(Files.exists(CloudProcesses.VOLUMES.resolve("volume-" + volume))).as("the volume's file").isTrue();

        assertThat(nova.delete("/servers/" + server, demo).status()).isEqualTo(204);
        assertThat(nova.delete("/servers/" + other, demo).status()).isEqualTo(204);
        awaitVolume(demo, volume, "available");
        assertThat(cinder(demo).delete("/volumes/" + volume, demo).status()).isEqualTo(202);
        assertThat(cinder(adminToken()).delete("/volumes/" + others, adminToken()).status()).isEqualTo(202);
    }

    @Test
    void anAttachItsHostNeverAnsweredIsSentAgainAndFinished() {
        String demo = demoToken();
        String server = bootActive(demo, unique("lost"));
        String volume = newVolume(demo, unique("lost"), 1);
        assertThat(attach(demo, server, volume).status()).isEqualTo(200);
        awaitVolume(demo, volume, "in-use");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> attachmentRecords.find(volume).orElseThrow()
                .status() == VolumeAttachment.Status.ATTACHED);
        // as if the host's answer (or the command) was lost with a broker that kept nothing: attaching for long
        jdbc.update("UPDATE volume_attachments SET status = 'ATTACHING', updated_at = :old WHERE volume_id = :v",
                java.util.Map.of("old", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600)),
                        "v", volume));

        // sent again by this call, or by the AttachmentWatchdog's own round if that came first
        assertThat(attachments.resendUnanswered(Duration.ofMinutes(2))).isBetween(0, 1);

        Awaitility.await("the host answers again and the attach is finished").atMost(Duration.ofSeconds(20))
                .until(() -> attachmentRecords.find(volume).orElseThrow().status()
                        == VolumeAttachment.Status.ATTACHED);
        assertThat(awaitVolume(demo, volume, "in-use").get("attachments")).hasSize(1);
        assertThat(attachments.resendUnanswered(Duration.ofMinutes(2))).as("nothing left unanswered").isZero();
        assertThat(nova.delete("/servers/" + server, demo).status()).isEqualTo(204);
        awaitVolume(demo, volume, "available");
        assertThat(cinder(demo).delete("/volumes/" + volume, demo).status()).isEqualTo(202);
    }

    private static String bootActive(String token, String name) {
        ApiClient.Response created = boot(token, name, networkId, "");
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        String id = created.json().get("server").get("id").asString();
        awaitStatus(id, "ACTIVE", token);
        return id;
    }
}
