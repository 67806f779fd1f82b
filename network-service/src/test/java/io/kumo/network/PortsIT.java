package io.kumo.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ports and IPAM under concurrency: no address or MAC is ever held twice. */
class PortsIT extends NetworkIT {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.amqp.rabbit.connection.ConnectionFactory connections;

    @Test
    void anAgentsReportBringsThePortUpOnceAndOnlyFromItsHost() {
        String admin = adminToken();
        String net = create(admin, "networks", "network", "{\"name\": \"" + unique("plug") + "\"}").get("id").asString();
        create(admin, "subnets", "subnet", "{\"network_id\": \"" + net + "\", \"ip_version\": 4, \"cidr\": \"10.41.0.0/24\"}");
        JsonNode bound = create(admin, "ports", "port", "{\"network_id\": \"" + net + "\", \"binding:host_id\": \"host-a\"}");
        String port = bound.get("id").asString();
        assertThat(bound.get("binding:vif_type").asString()).isEqualTo("bridge");
        assertThat(bound.get("binding:vif_details").get("bridge_name").asString()).isEqualTo("brq" + net.substring(0, 11));
        var rabbit = new org.springframework.amqp.rabbit.core.RabbitTemplate(connections);
        java.util.function.BiConsumer<String, String> report = (host, status) -> {
            var properties = new org.springframework.amqp.core.MessageProperties();
            properties.setMessageId(java.util.UUID.randomUUID().toString());
            properties.setHeader(io.kumo.common.messaging.MessageCodec.TYPE_HEADER, "PortStatusReported");
            rabbit.send(io.kumo.common.contract.Exchanges.HOST_EVENTS, "port.status", new org.springframework.amqp.core.Message(
                    ("{\"portId\":\"" + port + "\",\"host\":\"" + host + "\",\"status\":\"" + status
                            + "\",\"at\":\"2026-11-22T00:00:00Z\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    properties));
        };
        report.accept("host-b", "ACTIVE"); // not the port's host: ignored
        report.accept("host-a", "ACTIVE");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                neutron.get("/v2.0/ports/" + port, admin).json().get("port").get("status").asString().equals("ACTIVE"));
        long revision = neutron.get("/v2.0/ports/" + port, admin).json().get("port").get("revision_number").asLong();
        report.accept("host-a", "DOWN");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                neutron.get("/v2.0/ports/" + port, admin).json().get("port").get("status").asString().equals("DOWN"));
        assertThat(neutron.get("/v2.0/ports/" + port, admin).json().get("port").get("revision_number").asLong())
                .isEqualTo(revision + 1);
    }

    @Test
    void agentsHearOfEveryPortOnTheNetworkEventsExchange() {
        var admin = new org.springframework.amqp.rabbit.core.RabbitAdmin(connections);
        // exclusive (gone with the connection) but not auto-deleted: it is read twice
        var queue = new org.springframework.amqp.core.Queue("network-events-it-" + java.util.UUID.randomUUID(), false,
                true, false);
        admin.declareQueue(queue);
        admin.declareBinding(org.springframework.amqp.core.BindingBuilder.bind(queue)
                .to(new org.springframework.amqp.core.TopicExchange(io.kumo.common.contract.Exchanges.NETWORK_EVENTS))
                .with("port.#"));
        String token = newProjectMember(unique("events"));
        String net = create(token, "networks", "network", "{\"name\": \"e\"}").get("id").asString();
        create(token, "subnets", "subnet", "{\"network_id\": \"" + net + "\", \"ip_version\": 4, \"cidr\": \"10.40.0.0/24\"}");
        JsonNode port = create(token, "ports", "port", "{\"network_id\": \"" + net + "\"}");
        neutron.delete("/v2.0/ports/" + port.get("id").asString(), token);
        var rabbit = new org.springframework.amqp.rabbit.core.RabbitTemplate(connections);
        var created = rabbit.receive(queue.getName(), 10_000);
        var deleted = rabbit.receive(queue.getName(), 10_000);
        assertThat(created).isNotNull();
        assertThat(deleted).isNotNull();
        String createdBody = new String(created.getBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(createdBody).contains("\"change\":\"created\"", port.get("mac_address").asString(), "10.40.0.2",
                "vxlan");
        assertThat(created.getMessageProperties().getReceivedRoutingKey()).isEqualTo("port.created");
        assertThat(deleted.getMessageProperties().getReceivedRoutingKey()).isEqualTo("port.deleted");
        admin.deleteQueue(queue.getName());
    }

    @Test
    void twoHundredConcurrentPortsOnOneSubnetNeverShareAnAddress() throws Exception {
        String token = newProjectMember(unique("busy"));
        String net = create(token, "networks", "network", "{\"name\": \"" + unique("busy") + "\"}").get("id").asString();
        create(token, "subnets", "subnet", "{\"network_id\": \"" + net + "\", \"ip_version\": 4, \"cidr\": \"10.50.0.0/23\"}");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<CompletableFuture<JsonNode>> created = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            created.add(CompletableFuture.supplyAsync(() -> create(token, "ports", "port",
                    "{\"network_id\": \"" + net + "\"}"), clients));
        }
        Set<String> addresses = new HashSet<>();
        Set<String> macs = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (CompletableFuture<JsonNode> port : created) {
            JsonNode p = port.get();
            addresses.add(p.get("fixed_ips").get(0).get("ip_address").asString());
            macs.add(p.get("mac_address").asString());
            p.get("security_groups").forEach(g -> groups.add(g.asString()));
            assertThat(p.get("status").asString()).isEqualTo("DOWN");
        }
        clients.shutdown();
        assertThat(addresses).hasSize(200);
        assertThat(macs).hasSize(200);
        assertThat(groups).as("the project's one default group, made once under 16 parallel first uses").hasSize(1);
    }

    @Test
    void aThousandPortsAcrossNetworksNeverShareAMac() throws Exception {
        String token = newProjectMember(unique("macs"));
        setLimit(token, "port", 2000);
        List<String> networks = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            String net = create(token, "networks", "network", "{\"name\": \"m" + n + "\"}").get("id").asString();
            create(token, "subnets", "subnet", "{\"network_id\": \"" + net + "\", \"ip_version\": 4, "
                    + "\"cidr\": \"10.60." + n + ".0/24\"}");
            networks.add(net);
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<CompletableFuture<JsonNode>> created = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String net = networks.get(i % networks.size());
            created.add(CompletableFuture.supplyAsync(() -> create(token, "ports", "port",
                    "{\"network_id\": \"" + net + "\"}"), clients));
        }
        Set<String> macs = new HashSet<>();
        for (CompletableFuture<JsonNode> port : created) {
            macs.add(port.get().get("mac_address").asString());
        }
        clients.shutdown();
        assertThat(macs).hasSize(1000);
    }

    @Test
    void anExhaustedPoolIs409AndADeletedPortsAddressIsReused() {
        String token = demoToken();
        String net = create(token, "networks", "network", "{\"name\": \"" + unique("tiny") + "\"}").get("id").asString();
        String subnet = create(token, "subnets", "subnet", "{\"network_id\": \"" + net + "\", \"ip_version\": 4, "
                + "\"cidr\": \"10.70.0.0/29\"}").get("id").asString();
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // .2 to .6: the gateway has .1
            ports.add(create(token, "ports", "port", "{\"network_id\": \"" + net + "\"}").get("id").asString());
        }
        assertNeutronError(neutron.post("/v2.0/ports", token, "{\"port\": {\"network_id\": \"" + net + "\"}}"), 409,
                "IpAddressGenerationFailure");
        JsonNode third = neutron.get("/v2.0/ports/" + ports.get(2), token).json().get("port");
        String freed = third.get("fixed_ips").get(0).get("ip_address").asString();
        assertThat(neutron.delete("/v2.0/ports/" + ports.get(2), token).status()).isEqualTo(204);
        JsonNode again = create(token, "ports", "port", "{\"network_id\": \"" + net + "\"}");
        assertThat(again.get("fixed_ips").get(0).get("ip_address").asString()).isEqualTo(freed);
        assertThat(again.get("fixed_ips").get(0).get("subnet_id").asString()).isEqualTo(subnet);
    }

    @Test
    void allowedAddressPairsAreValidatedAndKept() {
        String token = demoToken();
        String net = create(token, "networks", "network", "{\"name\": \"" + unique("vip") + "\"}").get("id").asString();
        create(token, "subnets", "subnet", "{\"network_id\": \"" + net + "\", \"ip_version\": 4, \"cidr\": \"10.42.0.0/24\"}");
        JsonNode port = create(token, "ports", "port", "{\"network_id\": \"" + net + "\", \"allowed_address_pairs\": "
                + "[{\"ip_address\": \"10.42.0.100\"}, {\"ip_address\": \"10.42.1.0/24\", \"mac_address\": \"fa:16:3e:aa:bb:cc\"}]}");
        JsonNode pairs = port.get("allowed_address_pairs");
        assertThat(pairs).hasSize(2);
        assertThat(pairs.get(0).get("mac_address").asString()).isEqualTo(port.get("mac_address").asString());
        assertNeutronError(neutron.post("/v2.0/ports", token, "{\"port\": {\"network_id\": \"" + net + "\", "
                + "\"allowed_address_pairs\": [{\"ip_address\": \"not-an-ip\"}]}}"), 400, "InvalidInput");
        assertNeutronError(neutron.post("/v2.0/ports", token, "{\"port\": {\"network_id\": \"" + net + "\", "
                + "\"port_security_enabled\": false, \"allowed_address_pairs\": [{\"ip_address\": \"10.42.0.9\"}]}}"),
                409, "AddressPairAndPortSecurityRequired");
        ApiClient.Response cleared = neutron.put("/v2.0/ports/" + port.get("id").asString(), token,
                "{\"port\": {\"allowed_address_pairs\": []}}");
        assertThat(cleared.json().get("port").get("allowed_address_pairs")).isEmpty();
    }

    @Test
    void requestedAddressesAndMacs() {
        String token = demoToken();
        String net = create(token, "networks", "network", "{\"name\": \"" + unique("fixed") + "\"}").get("id").asString();
        String subnet = create(token, "subnets", "subnet", "{\"network_id\": \"" + net + "\", \"ip_version\": 4, "
                + "\"cidr\": \"10.80.0.0/24\"}").get("id").asString();
        String wanted = "{\"port\": {\"network_id\": \"" + net + "\", \"fixed_ips\": [{\"subnet_id\": \"" + subnet
                + "\", \"ip_address\": \"10.80.0.77\"}]}}";
        ApiClient.Response first = neutron.post("/v2.0/ports", token, wanted);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("port").get("fixed_ips").get(0).get("ip_address").asString()).isEqualTo("10.80.0.77");
        assertNeutronError(neutron.post("/v2.0/ports", token, wanted), 409, "IpAddressAlreadyAllocated");
        assertNeutronError(neutron.post("/v2.0/ports", token, "{\"port\": {\"network_id\": \"" + net
                + "\", \"fixed_ips\": [{\"ip_address\": \"10.99.0.5\"}]}}"), 400, "InvalidIpForNetwork");
        String mac = "{\"port\": {\"network_id\": \"" + net + "\", \"mac_address\": \"fa:16:3e:12:34:56\"}}";
        assertNeutronError(neutron.post("/v2.0/ports", token, mac), 403, null);
        String admin = adminToken();
        assertThat(neutron.post("/v2.0/ports", admin, mac).status()).isEqualTo(201);
        assertNeutronError(neutron.post("/v2.0/ports", admin, mac), 409, "MacAddressInUse");
        assertNeutronError(neutron.delete("/v2.0/subnets/" + subnet, token), 409, "SubnetInUse");
        assertNeutronError(neutron.delete("/v2.0/networks/" + net, token), 409, "NetworkInUse");
    }
}
