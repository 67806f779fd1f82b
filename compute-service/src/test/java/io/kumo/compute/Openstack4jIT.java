package io.kumo.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.IdentityProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.Action;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.compute.RebootType;
import org.openstack4j.model.compute.Server;
import org.openstack4j.openstack.OSFactory;

/**
 * openstack4j 3.12 — the client inside Jenkins' OpenStack plugin — boots, lists, stops, starts, reboots
 * and deletes servers through identity, image, network, the scheduler, compute and an agent, unmodified.
 */
class Openstack4jIT extends ServerCloudIT {

    @Test
    void jenkinsCloudPluginsClientDrivesAServersWholeLife() {
        OSClient.OSClientV3 os = OSFactory.builderV3()
                .endpoint(IDENTITY.url() + "/v3")
                .credentials("demo", IdentityProcess.DEMO_PASSWORD, Identifier.byName("Default"))
                .scopeToProject(Identifier.byName("demo"), Identifier.byName("Default"))
                .authenticate();
        assertThat(os.compute().flavors().list()).extracting(Flavor::getName).contains("m1.tiny");

        String name = unique("jenkins-agent");
        Server booted = os.compute().servers().boot(Builders.server().name(name).flavor("m1.tiny").image(imageId)
                .networks(List.of(networkId)).availabilityZone(CloudProcesses.ZONE).build());
        assertThat(booted.getId()).isNotBlank();
        String id = booted.getId();
        Server active = os.compute().servers().waitForServerStatus(id, Server.Status.ACTIVE, 60, TimeUnit.SECONDS);
        assertThat(active.getStatus()).isEqualTo(Server.Status.ACTIVE);
        assertThat(active.getName()).isEqualTo(name);
        assertThat(active.getAddresses().getAddresses()).isNotEmpty();
        assertThat(os.compute().servers().list()).extracting(Server::getId).contains(id);

        assertSuccess(os.compute().servers().action(id, Action.STOP));
        assertThat(os.compute().servers().waitForServerStatus(id, Server.Status.SHUTOFF, 60, TimeUnit.SECONDS)
                .getStatus()).isEqualTo(Server.Status.SHUTOFF);
        assertSuccess(os.compute().servers().action(id, Action.START));
        assertThat(os.compute().servers().waitForServerStatus(id, Server.Status.ACTIVE, 60, TimeUnit.SECONDS)
                .getStatus()).isEqualTo(Server.Status.ACTIVE);
        assertSuccess(os.compute().servers().reboot(id, RebootType.HARD));
        assertThat(os.compute().servers().waitForServerStatus(id, Server.Status.ACTIVE, 60, TimeUnit.SECONDS)
                .getStatus()).isEqualTo(Server.Status.ACTIVE);

        assertSuccess(os.compute().servers().delete(id));
        // openstack4j keeps its session per thread: poll on this one
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                .until(() -> os.compute().servers().get(id) == null);
    }

    private static void assertSuccess(ActionResponse response) {
        assertThat(response.isSuccess()).as(response.getFault()).isTrue();
    }
}
