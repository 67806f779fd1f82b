package io.kumo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.identity.v3.Project;
import org.openstack4j.openstack.OSFactory;

/** openstack4j 3.12 — the client inside Jenkins' OpenStack plugin, which nobody here wrote — works unmodified. */
class Openstack4jIT extends IdentityIT {

    @Test
    void authenticatesResolvesTheCatalogAndListsProjects() {
        OSClient.OSClientV3 os = OSFactory.builderV3()
                .endpoint(api.base() + "/v3")
                .credentials("admin", ADMIN_PASSWORD, Identifier.byName("Default"))
                .scopeToProject(Identifier.byName("admin"), Identifier.byName("Default"))
                .authenticate();

        assertThat(os.getToken().getProject().getName()).isEqualTo("admin");
        assertThat(os.getToken().getRoles()).extracting(r -> r.getName()).contains("admin");
        var catalog = os.getToken().getCatalog();
        assertThat(catalog).extracting(s -> s.getType()).contains("identity", "compute", "volumev3", "network", "image");
        String volumeUrl = catalog.stream().filter(s -> s.getType().equals("volumev3")).findFirst().orElseThrow()
                .getEndpoints().get(0).getUrl().toString();
        assertThat(volumeUrl).endsWith("/v3/" + os.getToken().getProject().getId());

        List<? extends Project> projects = os.identity().projects().list();
        assertThat(projects).extracting(Project::getName).contains("admin", "demo", "service");
        assertThat(os.identity().users().getByName("demo", "default")).isNotNull();
    }
}
