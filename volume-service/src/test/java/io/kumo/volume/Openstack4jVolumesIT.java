package io.kumo.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.IdentityProcess;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.model.storage.block.VolumeSnapshot;
import org.openstack4j.openstack.OSFactory;

/**
 * openstack4j 3.12 — the client inside Jenkins' OpenStack plugin — finds block storage in the catalog and
 * creates, extends, snapshots, copies and deletes volumes, unmodified.
 */
class Openstack4jVolumesIT extends VolumeIT {

    @Test
    void jenkinsClientMakesSnapshotsAndCopiesOfVolumes() {
        OSClient.OSClientV3 os = OSFactory.builderV3()
                .endpoint(IDENTITY.url() + "/v3")
                .credentials("demo", IdentityProcess.DEMO_PASSWORD, Identifier.byName("Default"))
                .scopeToProject(Identifier.byName("demo"), Identifier.byName("Default"))
                .authenticate();
        String name = unique("workspace");
        Volume created = os.blockStorage().volumes().create(Builders.volume().name(name).description("ci cache")
                .size(1).build());
        String id = created.getId();
        assertThat(created.getStatus()).isEqualTo(Volume.Status.CREATING);
        awaitVolume(os, id, Volume.Status.AVAILABLE);
        Volume shown = os.blockStorage().volumes().get(id);
        assertThat(shown.getName()).isEqualTo(name);
        assertThat(shown.getDescription()).isEqualTo("ci cache");
        assertThat(shown.bootable()).isFalse();
        assertThat(shown.getTenantId()).isEqualTo(IDENTITY.projectId(demoToken()));
        assertThat(os.blockStorage().volumes().list()).extracting(Volume::getId).contains(id);

        assertSuccess(os.blockStorage().volumes().extend(id, 2));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
            Volume v = os.blockStorage().volumes().get(id);
            return v.getStatus() == Volume.Status.AVAILABLE && v.getSize() == 2;
        });

        VolumeSnapshot snapshot = os.blockStorage().snapshots().create(Builders.volumeSnapshot().name(name + "-snap")
                .description("nightly").volume(id).build());
        assertThat(snapshot.getId()).isNotBlank();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> os.blockStorage()
                .snapshots().get(snapshot.getId()).getStatus() == Volume.Status.AVAILABLE);
        Volume copy = os.blockStorage().volumes().create(Builders.volume().name(name + "-copy")
                .snapshot(snapshot.getId()).build());
        awaitVolume(os, copy.getId(), Volume.Status.AVAILABLE);
        assertThat(os.blockStorage().volumes().get(copy.getId()).getSize()).isEqualTo(2);

        assertThat(os.blockStorage().volumes().delete(id).isSuccess()).as("it has a snapshot").isFalse();
        assertSuccess(os.blockStorage().snapshots().delete(snapshot.getId()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> os.blockStorage().snapshots().get(snapshot.getId()) == null);
        assertSuccess(os.blockStorage().volumes().delete(id));
        assertSuccess(os.blockStorage().volumes().delete(copy.getId()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> os.blockStorage().volumes()
                .get(id) == null && os.blockStorage().volumes().get(copy.getId()) == null);
    }

    private static void awaitVolume(OSClient.OSClientV3 os, String id, Volume.Status status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> os.blockStorage().volumes().get(id).getStatus() == status);
    }

    private static void assertSuccess(ActionResponse response) {
        assertThat(response.isSuccess()).as(response.getFault()).isTrue();
    }
}
