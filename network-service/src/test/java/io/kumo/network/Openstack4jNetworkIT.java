package io.kumo.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.IdentityProcess;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.network.IPVersionType;
import org.openstack4j.model.network.Network;
import org.openstack4j.model.network.Port;
import org.openstack4j.model.network.Subnet;
import org.openstack4j.openstack.OSFactory;

/** openstack4j 3.12 (Jenkins' OpenStack plugin) creates and lists networks, subnets and ports. */
class Openstack4jNetworkIT extends NetworkIT {

    @Test
    void createsAndListsNetworksSubnetsAndPorts() {
        OSClient.OSClientV3 os = OSFactory.builderV3()
                .endpoint(IDENTITY.url() + "/v3")
                .credentials("demo", IdentityProcess.DEMO_PASSWORD, Identifier.byName("Default"))
                .scopeToProject(Identifier.byName("demo"), Identifier.byName("Default"))
                .authenticate();
        String name = unique("o4j");
        Network network = os.networking().network().create(Builders.network().name(name).adminStateUp(true).build());
        assertThat(network.getId()).isNotBlank();
        Subnet subnet = os.networking().subnet().create(Builders.subnet().name(name + "-sub")
                .networkId(network.getId()).ipVersion(IPVersionType.V4).cidr("10.90.0.0/24").build());
        assertThat(subnet.getGateway()).isEqualTo("10.90.0.1");
        Port port = os.networking().port().create(Builders.port().name(name + "-port").networkId(network.getId()).build());
        assertThat(port.getMacAddress()).startsWith("fa:16:3e:");
        assertThat(port.getFixedIps()).hasSize(1);

        assertThat(os.networking().network().list()).extracting(Network::getName).contains(name);
        assertThat(os.networking().subnet().list()).extracting(Subnet::getId).contains(subnet.getId());
        assertThat(os.networking().port().list()).extracting(Port::getId).contains(port.getId());
        assertThat(os.networking().port().delete(port.getId()).isSuccess()).isTrue();
    }
}
