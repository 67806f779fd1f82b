package io.kumo.compute;

import static io.kumo.compute.NovaShape.Type.ARRAY;
import static io.kumo.compute.NovaShape.Type.INTEGER;
import static io.kumo.compute.NovaShape.Type.NULL;
import static io.kumo.compute.NovaShape.Type.OBJECT;
import static io.kumo.compute.NovaShape.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Servers end to end: identity, image-service, network-service, the scheduler and an agent with the
 * fake driver, each its own process, with compute-service against MariaDB and RabbitMQ.
 */
class ServersIT extends ServerCloudIT {

    /** Tempest's v2_1 servers.update_server (additionalProperties false): the core fields, as update answers. */
    static final NovaShape UPDATED = NovaShape.of("updated server").required("id", STRING).required("name", STRING)
            .required("status", STRING).required("image", OBJECT, STRING).required("flavor", OBJECT)
            .required("user_id", STRING).required("tenant_id", STRING).required("created", STRING)
            .required("updated", STRING).required("metadata", OBJECT).required("links", ARRAY)
            .required("addresses", OBJECT).required("hostId", STRING).optional("progress", INTEGER)
            .optional("fault", OBJECT).optional("OS-DCF:diskConfig", STRING).optional("accessIPv4", STRING)
            .optional("accessIPv6", STRING);
    /** Tempest's v2_1 servers.server_detail: the core fields and the extensions. */
    static final NovaShape SERVER = UPDATED.copy("server").optional("key_name", STRING, NULL)
            .optional("security_groups", ARRAY)
            .optional("OS-SRV-USG:launched_at", STRING, NULL).optional("OS-SRV-USG:terminated_at", STRING, NULL)
            .optional("OS-EXT-AZ:availability_zone", STRING).optional("OS-EXT-STS:task_state", STRING, NULL)
            .optional("OS-EXT-STS:vm_state", STRING).optional("OS-EXT-STS:power_state", INTEGER)
            .optional("OS-EXT-SRV-ATTR:host", STRING, NULL).optional("OS-EXT-SRV-ATTR:instance_name", STRING)
            .optional("OS-EXT-SRV-ATTR:hypervisor_hostname", STRING, NULL)
            .optional("os-extended-volumes:volumes_attached", ARRAY).optional("config_drive", STRING);
    /** Tempest's v2_1 rebuild_server_with_admin_pass: update_server's fields and adminPass. */
    static final NovaShape REBUILT = UPDATED.copy("rebuilt server").required("adminPass", STRING);
    /** Tempest's v2_1 hypervisors.hypervisors_servers entry. */
    static final NovaShape HYPERVISOR_SERVERS = NovaShape.of("hypervisor with servers").required("id", INTEGER)
            .required("hypervisor_hostname", STRING).required("state", STRING).required("status", STRING)
            .optional("servers", ARRAY);
    /** Tempest's v2_1 availability_zone list and detail entries. */
    static final NovaShape ZONE = NovaShape.of("availability zone").required("zoneName", STRING)
            .required("zoneState", OBJECT).required("hosts", OBJECT, NULL);
    static final NovaShape CREATED = NovaShape.of("created server").required("id", STRING).required("links", ARRAY)
            .optional("OS-DCF:diskConfig", STRING).optional("security_groups", ARRAY).optional("adminPass", STRING);

    /** Tempest's v2_1 instance_actions; events only in the single action, for admins at 2.1. */
    static final NovaShape ACTION = NovaShape.of("instance action").required("action", STRING)
            .required("request_id", STRING).required("user_id", STRING).required("project_id", STRING)
            .required("start_time", STRING).required("message", STRING, NULL).required("instance_uuid", STRING)
            .optional("events", ARRAY);
    static final NovaShape EVENT = NovaShape.of("instance action event").required("event", STRING)
            .required("start_time", STRING).required("finish_time", STRING, NULL).required("result", STRING, NULL)
            .required("traceback", STRING, NULL);

    @Test
    void aServerBootsStopsStartsRebootsAndIsDeletedWithEverythingReleased() {
        String demo = demoToken();
        String before = java.time.Instant.now().minusSeconds(1).toString();
        String userData = Base64.getEncoder().encodeToString("#cloud-config\n".getBytes(StandardCharsets.UTF_8));
        ApiClient.Response created = nova.post("/servers", demo, """
                {"server": {"name": "%s", "flavorRef": "m1.tiny", "imageRef": "%s", "networks": [{"uuid": "%s"}],
                 "availability_zone": "%s", "user_data": "%s", "metadata": {"role": "web"}, "config_drive": true}}"""
                .formatted(unique("vm"), imageId, networkId, CloudProcesses.ZONE, userData));
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        CREATED.check(created.json().get("server"));
        String id = created.json().get("server").get("id").asString();

        JsonNode active = awaitStatus(id, "ACTIVE", demo);
        SERVER.check(active);
        assertThat(active.get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(active.get("OS-EXT-STS:task_state").isNull()).isTrue();
        assertThat(active.get("config_drive").asString()).isEqualTo("True");
        assertThat(active.get("metadata").get("role").asString()).isEqualTo("web");
        assertThat(active.has("OS-EXT-SRV-ATTR:host")).as("admin-only attributes").isFalse();
        JsonNode address = active.get("addresses").properties().iterator().next().getValue().get(0);
        assertThat(address.get("addr").asString()).startsWith("10.44.0.");
        assertThat(address.get("OS-EXT-IPS-MAC:mac_addr").asString()).startsWith("fa:16:3e:");

        JsonNode asAdmin = nova.get("/servers/" + id, adminToken()).json().get("server");
        SERVER.check(asAdmin);
        assertThat(asAdmin.get("OS-EXT-SRV-ATTR:host").asString()).startsWith(CloudProcesses.AGENT_HOST);
        JsonNode port = neutron.get("/v2.0/ports?device_id=" + id, adminToken()).json().get("ports").get(0);
        String host = asAdmin.get("OS-EXT-SRV-ATTR:host").asString();
        assertThat(port.get("binding:host_id").asString()).isEqualTo(host);
        JsonNode onHost = nova.get("/os-hypervisors/" + host + "/servers", adminToken()).json().get("hypervisors");
        onHost.forEach(HYPERVISOR_SERVERS::check);
        assertThat(onHost.get(0).get("servers").findValues("uuid")).extracting(JsonNode::asString).contains(id);
        assertThat(onHost.get(0).get("servers").findValues("name")).extracting(JsonNode::asString)
                .contains(asAdmin.get("OS-EXT-SRV-ATTR:instance_name").asString());
        assertNovaError(nova.get("/os-hypervisors/" + host + "/servers", demo), 403, "forbidden");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> neutron.get("/v2.0/ports/" + port.get("id")
                .asString(), adminToken()).json().get("port").get("status").asString().equals("ACTIVE"));
        assertThat(placement.get("/allocations/" + id, adminToken()).json().get("allocations").size()).isEqualTo(1);

        assertThat(action(id, demo, "{\"os-stop\": null}").status()).isEqualTo(202);
        assertThat(awaitStatus(id, "SHUTOFF", demo).get("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
        assertNovaError(action(id, demo, "{\"os-stop\": null}"), 409, "conflictingRequest");
        assertThat(action(id, demo, "{\"os-start\": null}").status()).isEqualTo(202);
        awaitStatus(id, "ACTIVE", demo);
        assertThat(action(id, demo, "{\"reboot\": {\"type\": \"HARD\"}}").status()).isEqualTo(202);
        awaitStatus(id, "ACTIVE", demo);

        JsonNode history = nova.get("/servers/" + id + "/os-instance-actions", demo).json().get("instanceActions");
        history.forEach(ACTION::check);
        assertThat(history.findValues("action")).extracting(JsonNode::asString)
                .containsExactly("reboot", "start", "stop", "create");
        String createRequest = history.get(3).get("request_id").asString();
        assertThat(created.header("X-OpenStack-Request-Id")).isEqualTo(createRequest);
        JsonNode create = nova.get("/servers/" + id + "/os-instance-actions/" + createRequest, adminToken()).json()
                .get("instanceAction");
        ACTION.check(create);
        create.get("events").forEach(EVENT::check);
        assertThat(create.get("events").findValues("event")).extracting(JsonNode::asString)
                .containsExactly("conductor_schedule_and_build_instances", "compute__do_build_and_run_instance");
        assertThat(create.get("events").findValues("result")).extracting(JsonNode::asString).containsOnly("Success");
        assertThat(nova.get("/servers/" + id + "/os-instance-actions/" + createRequest, demo).json()
                .get("instanceAction").has("events")).as("events are for admins at 2.1").isFalse();
        assertNovaError(nova.get("/servers/" + id + "/os-instance-actions/req-unknown", demo), 404, "itemNotFound");

        assertThat(nova.get("/servers/detail?name=%5E" + active.get("name").asString() + "%24", demo).json()
                .get("servers").size()).isEqualTo(1);
        assertNovaError(nova.get("/servers/" + id, IDENTITY.newProjectMember(unique("other"))), 404, "itemNotFound");

        assertThat(nova.delete("/servers/" + id, demo).status()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> nova.get("/servers/" + id, demo).status() == 404);
        assertThat(placement.get("/allocations/" + id, adminToken()).json().get("allocations").size()).isZero();
        assertThat(neutron.get("/v2.0/ports/" + port.get("id").asString(), adminToken()).status()).isEqualTo(404);
        JsonNode changed = nova.get("/servers/detail?changes-since=" + before, demo).json().get("servers");
        changed.forEach(SERVER::check);
        assertThat(java.util.stream.StreamSupport.stream(changed.spliterator(), false)
                .filter(s -> s.get("id").asString().equals(id)).map(s -> s.get("status").asString()))
                .as("changes-since lists deleted servers too").containsExactly("DELETED");
        assertNovaError(nova.get("/servers?changes-since=yesterday", demo), 400, "badRequest");
    }

    @Test
    void diagnosticsAreTheHostsFiguresForAdminsOfRunningServersOnly() {
        String demo = demoToken();
        String id = boot(demo, unique("diagnosed"), networkId, "").json().get("server").get("id").asString();
        JsonNode server = awaitStatus(id, "ACTIVE", demo);
        JsonNode flavor = nova.get("/flavors/" + server.get("flavor").get("id").asString(), demo).json().get("flavor");
        String portId = neutron.get("/v2.0/ports?device_id=" + id, adminToken()).json().get("ports").get(0)
                .get("id").asString();

        ApiClient.Response diagnostics = nova.get("/servers/" + id + "/diagnostics", adminToken());
        assertThat(diagnostics.status()).as(diagnostics.text()).isEqualTo(200);
        JsonNode figures = diagnostics.json();
        assertThat(figures.get("memory").asLong()).as("KiB, as Nova's").isEqualTo(flavor.get("ram").asLong() * 1024);
        String tap = "tap" + portId.substring(0, 11);
        assertThat(figures.has(tap + "_rx") && figures.has(tap + "_tx_packets")).as(figures.toString()).isTrue();
        assertThat(figures.has("vda_read") && figures.has("vda_write_req")).as(figures.toString()).isTrue();

        assertNovaError(nova.get("/servers/" + id + "/diagnostics", demo), 403, "forbidden");
        String stranger = IDENTITY.newProjectMember(unique("other"));
        assertNovaError(nova.get("/servers/" + id + "/diagnostics", stranger), 404, "itemNotFound");
        assertThat(action(id, demo, "{\"os-stop\": null}").status()).isEqualTo(202);
        awaitStatus(id, "SHUTOFF", demo);
        assertNovaError(nova.get("/servers/" + id + "/diagnostics", adminToken()), 409, "conflictingRequest");
        assertNovaError(nova.get("/servers/" + java.util.UUID.randomUUID() + "/diagnostics", adminToken()), 404,
                "itemNotFound");
        nova.delete("/servers/" + id, demo);
    }

    @Test
    void aServerIsRebuiltInPlaceKeepingItsAddressAndItsConsoleShowsEachBoot() {
        String demo = demoToken();
        String id = boot(demo, unique("phoenix"), networkId, ", \"metadata\": {\"v\": \"1\"}").json()
                .get("server").get("id").asString();
        JsonNode first = awaitStatus(id, "ACTIVE", demo);
        JsonNode port = neutron.get("/v2.0/ports?device_id=" + id, adminToken()).json().get("ports").get(0);
        String mac = port.get("mac_address").asString();

        ApiClient.Response console = action(id, demo, "{\"os-getConsoleOutput\": {\"length\": 3}}");
        assertThat(console.status()).as(console.text()).isEqualTo(200);
        assertThat(console.json().size()).isEqualTo(1);
        assertThat(console.json().get("output").asString().lines().toList()).hasSize(3).last()
                .isEqualTo(first.get("name").asString() + " login: ");
        assertThat(action(id, demo, "{\"os-getConsoleOutput\": {}}").json().get("output").asString())
                .contains("eth0: link up, " + mac).contains("booting image " + imageId);
        assertNovaError(action(id, demo, "{\"os-getConsoleOutput\": {\"length\": -2}}"), 400, "badRequest");

        String other = newImage();
        assertThat(action(id, demo, "{\"os-stop\": null}").status()).isEqualTo(202);
        awaitStatus(id, "SHUTOFF", demo);
        ApiClient.Response rebuilding = action(id, demo, """
                {"rebuild": {"imageRef": "%s", "name": "rebuilt", "metadata": {"v": "2"}}}""".formatted(other));
        assertThat(rebuilding.status()).as(rebuilding.text()).isEqualTo(202);
        JsonNode answer = rebuilding.json().get("server");
        REBUILT.check(answer);
        assertThat(answer.get("status").asString()).isEqualTo("REBUILD");
        assertThat(answer.get("image").get("id").asString()).isEqualTo(other);

        JsonNode rebuilt = awaitStatus(id, "SHUTOFF", demo);
        assertThat(rebuilt.get("OS-EXT-STS:task_state").isNull()).as("stopped before, stopped after").isTrue();
        assertThat(rebuilt.get("name").asString()).isEqualTo("rebuilt");
        assertThat(rebuilt.get("image").get("id").asString()).isEqualTo(other);
        assertThat(rebuilt.get("metadata").toString()).isEqualTo("{\"v\":\"2\"}");
        assertThat(rebuilt.get("addresses")).as("same ports, same IPs and MACs").isEqualTo(first.get("addresses"));
        assertThat(neutron.get("/v2.0/ports?device_id=" + id, adminToken()).json().get("ports").findValues("id"))
                .extracting(JsonNode::asString).containsExactly(port.get("id").asString());
        assertThat(action(id, demo, "{\"os-start\": null}").status()).isEqualTo(202);
        awaitStatus(id, "ACTIVE", demo);
        assertThat(action(id, demo, "{\"os-getConsoleOutput\": {\"length\": null}}").json().get("output")
                .asString()).contains("booting image " + other).contains("rebuilt login: ");

        assertThat(rebuild(id, demo, imageId, "will-fail").status()).isEqualTo(202);
        JsonNode failed = awaitStatus(id, "ERROR", demo);
        assertThat(failed.get("fault").get("message").asString()).isEqualTo("Rebuild of instance " + id + " failed");
        assertThat(rebuild(id, demo, imageId, "again").status()).as("an ERROR server can be rebuilt").isEqualTo(202);
        JsonNode recovered = awaitStatus(id, "ACTIVE", demo);
        assertThat(recovered.has("fault")).isFalse();
        assertThat(recovered.get("addresses")).isEqualTo(first.get("addresses"));

        JsonNode history = nova.get("/servers/" + id + "/os-instance-actions", demo).json().get("instanceActions");
        assertThat(history.findValues("action")).extracting(JsonNode::asString)
                .startsWith("rebuild", "rebuild", "start", "rebuild", "stop");
        String lastRebuild = history.get(0).get("request_id").asString();
        JsonNode events = nova.get("/servers/" + id + "/os-instance-actions/" + lastRebuild, adminToken()).json()
                .get("instanceAction").get("events");
        assertThat(events.findValues("event")).extracting(JsonNode::asString)
                .containsExactly("compute_rebuild_instance");
        assertThat(events.findValues("result")).extracting(JsonNode::asString).containsExactly("Success");

        assertNovaError(rebuild(id, demo, java.util.UUID.randomUUID().toString(), "x"), 400, "badRequest");
        assertNovaError(action(id, demo, "{\"rebuild\": {\"name\": \"no-image\"}}"), 400, "badRequest");
        assertNovaError(action(id, demo, "{\"rebuild\": {\"imageRef\": \"" + imageId
                + "\", \"preserve_ephemeral\": true}}"), 400, "badRequest");
        assertNovaError(action(id, demo, "{\"rebuild\": {\"imageRef\": \"" + imageId + "\", \"user_data\": \"eA==\"}}"),
                400, "badRequest");
        String stranger = IDENTITY.newProjectMember(unique("other"));
        assertNovaError(rebuild(id, stranger, imageId, "mine"), 404, "itemNotFound");
        assertNovaError(action(id, stranger, "{\"os-getConsoleOutput\": {}}"), 404, "itemNotFound");
        JsonNode after = nova.get("/servers/" + id, demo).json().get("server");
        assertThat(after.get("status").asString()).as("refused rebuilds change nothing").isEqualTo("ACTIVE");
        assertThat(after.get("name").asString()).isEqualTo("again");

        assertThat(nova.delete("/servers/" + id, demo).status()).isEqualTo(204);
    }

    private static ApiClient.Response rebuild(String id, String token, String image, String name) {
        return action(id, token, "{\"rebuild\": {\"imageRef\": \"" + image + "\", \"name\": \"" + name + "\"}}");
    }

    @Test
    void nameMetadataLockAndZonesAsNovaHasThem() {
        String demo = demoToken();
        ApiClient.Response created = boot(demo, unique("editable"), networkId, "");
        String id = created.json().get("server").get("id").asString();
        assertThat(awaitStatus(id, "ACTIVE", demo).get("OS-EXT-AZ:availability_zone").asString())
                .as("no zone asked for: the host's is shown").isEqualTo(CloudProcesses.ZONE);

        ApiClient.Response renamed = nova.put("/servers/" + id, demo, "{\"server\": {\"name\": \"renamed\"}}");
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        UPDATED.check(renamed.json().get("server"));
        assertThat(renamed.json().get("server").get("name").asString()).isEqualTo("renamed");
        assertNovaError(nova.put("/servers/" + id, demo, "{\"server\": {\"description\": \"x\"}}"), 400,
                "badRequest");

        assertThat(nova.post("/servers/" + id + "/metadata", demo, "{\"metadata\": {\"a\": \"1\", \"b\": \"2\"}}")
                .json().get("metadata").size()).isEqualTo(2);
        assertThat(nova.put("/servers/" + id + "/metadata/a", demo, "{\"meta\": {\"a\": \"9\"}}").json()
                .get("meta").get("a").asString()).isEqualTo("9");
        assertNovaError(nova.put("/servers/" + id + "/metadata/a", demo, "{\"meta\": {\"z\": \"9\"}}"), 400,
                "badRequest");
        assertThat(nova.delete("/servers/" + id + "/metadata/b", demo).status()).isEqualTo(204);
        assertNovaError(nova.get("/servers/" + id + "/metadata/b", demo), 404, "itemNotFound");
        assertThat(nova.get("/servers/" + id + "/metadata", demo).json().get("metadata").toString())
                .isEqualTo("{\"a\":\"9\"}");
        assertThat(nova.put("/servers/" + id + "/metadata", demo, "{\"metadata\": {\"c\": \"3\"}}").json()
                .get("metadata").toString()).isEqualTo("{\"c\":\"3\"}");
        assertThat(nova.get("/servers/" + id, demo).json().get("server").get("metadata").toString())
                .isEqualTo("{\"c\":\"3\"}");
        StringBuilder many = new StringBuilder("{\"metadata\": {");
        for (int i = 0; i < 129; i++) {
            many.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": \"v\"");
        }
        assertNovaError(nova.put("/servers/" + id + "/metadata", demo, many + "}}"), 403, "forbidden");

        assertThat(action(id, demo, "{\"lock\": null}").status()).isEqualTo(202);
        ApiClient.Response refused = action(id, demo, "{\"os-stop\": null}");
        assertNovaError(refused, 409, "conflictingRequest");
        assertThat(refused.json().get("conflictingRequest").get("message").asString()).isEqualTo("Instance " + id
                + " is locked");
        assertNovaError(nova.delete("/servers/" + id, demo), 409, "conflictingRequest");
        assertThat(action(id, adminToken(), "{\"lock\": null}").status()).as("an admin takes the lock over")
                .isEqualTo(202);
        assertNovaError(action(id, demo, "{\"unlock\": null}"), 403, "forbidden");
        assertThat(action(id, adminToken(), "{\"unlock\": null}").status()).isEqualTo(202);
        assertThat(nova.get("/servers/" + id + "/os-instance-actions", demo).json().get("instanceActions")
                .findValues("action")).extracting(JsonNode::asString).contains("lock", "unlock");

        JsonNode zones = nova.get("/os-availability-zone", demo).json().get("availabilityZoneInfo");
        zones.forEach(ZONE::check);
        assertThat(zones.findValues("zoneName")).extracting(JsonNode::asString).contains(CloudProcesses.ZONE);
        JsonNode detail = nova.get("/os-availability-zone/detail", adminToken()).json().get("availabilityZoneInfo");
        detail.forEach(ZONE::check);
        JsonNode ours = java.util.stream.StreamSupport.stream(detail.spliterator(), false)
                .filter(z -> z.get("zoneName").asString().equals(CloudProcesses.ZONE)).findFirst().orElseThrow();
        assertThat(ours.get("zoneState").get("available").asBoolean()).isTrue();
        assertThat(ours.get("hosts").get(CloudProcesses.AGENT_HOST + "-1").get("nova-compute").get("active")
                .asBoolean()).isTrue();
        assertNovaError(nova.get("/os-availability-zone/detail", demo), 403, "forbidden");

        assertThat(nova.delete("/servers/" + id, demo).status()).isEqualTo(204);
    }

    @Test
    void aServerBootedWithAPortTheUserMadeLeavesThePortBehindWhenDeleted() {
        String demo = demoToken();
        ApiClient.Response made = neutron.post("/v2.0/ports", demo, "{\"port\": {\"network_id\": \"" + networkId
                + "\", \"name\": \"" + unique("keep") + "\"}}");
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        String portId = made.json().get("port").get("id").asString();
        String ip = made.json().get("port").get("fixed_ips").get(0).get("ip_address").asString();

        String body = """
                {"server": {"name": "%s", "flavorRef": "m1.tiny", "imageRef": "%s", "networks": [{"port": "%s"}]%s}}""";
        assertNovaError(nova.post("/servers", demo, body.formatted(unique("two"), imageId, portId,
                ", \"min_count\": 2")), 400, "badRequest");
        ApiClient.Response created = nova.post("/servers", demo, body.formatted(unique("on-port"), imageId, portId,
                ""));
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        String id = created.json().get("server").get("id").asString();
        JsonNode active = awaitStatus(id, "ACTIVE", demo);
        assertThat(active.get("addresses").findValues("addr")).extracting(JsonNode::asString).containsExactly(ip);
        assertThat(neutron.get("/v2.0/ports/" + portId, demo).json().get("port").get("device_id").asString())
                .isEqualTo(id);
        assertNovaError(nova.post("/servers", demo, body.formatted(unique("taken"), imageId, portId, "")), 409,
                "conflictingRequest");

        assertThat(nova.delete("/servers/" + id, demo).status()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> nova.get("/servers/" + id, demo).status() == 404);
        JsonNode kept = neutron.get("/v2.0/ports/" + portId, adminToken()).json().get("port");
        assertThat(kept.get("device_id").asString()).as("detached, not deleted").isEmpty();
        assertThat(kept.get("binding:host_id").asString()).isEmpty();
        assertThat(kept.get("fixed_ips").get(0).get("ip_address").asString()).as("the address stays").isEqualTo(ip);
        assertThat(neutron.delete("/v2.0/ports/" + portId, demo).status()).isEqualTo(204);
    }

    @Test
    void aBuildThatFailsOnEveryHostEndsInErrorWithAFaultAndHoldsNothing() {
        String demo = demoToken();
        ApiClient.Response created = nova.post("/servers", demo, """
                {"server": {"name": "%s", "flavorRef": "m1.tiny", "imageRef": "%s", "networks": [{"uuid": "%s"}],
                 "availability_zone": "%s"}}""".formatted(unique("will-fail"), imageId, networkId, CloudProcesses.ZONE));
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        String id = created.json().get("server").get("id").asString();
        JsonNode failed = awaitStatus(id, "ERROR", demo);
        SERVER.check(failed);
        assertThat(failed.get("fault").get("code").asInt()).isEqualTo(500);
        assertThat(failed.get("fault").get("message").asString()).isNotBlank();
        assertThat(placement.get("/allocations/" + id, adminToken()).json().get("allocations").size()).isZero();
        assertThat(neutron.get("/v2.0/ports?device_id=" + id, adminToken()).json().get("ports").size()).isZero();
        JsonNode create = nova.get("/servers/" + id + "/os-instance-actions/" + created.header("X-OpenStack-Request-Id"),
                adminToken()).json().get("instanceAction");
        assertThat(create.get("message").asString()).isEqualTo("Error");
        assertThat(create.get("events").findValues("result")).extracting(JsonNode::asString).contains("Error");
        assertThat(nova.delete("/servers/" + id, demo).status()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> nova.get("/servers/" + id, demo).status() == 404);
    }

    @Test
    void badReferencesAreRefusedWith400AndLeaveNothingBehind() {
        String demo = demoToken();
        String body = """
                {"server": {"name": "bad", "flavorRef": "%s", "imageRef": "%s", "networks": [{"uuid": "%s"}]%s}}""";
        assertNovaError(nova.post("/servers", demo, body.formatted("no-such-flavor", imageId, networkId, "")), 400,
                "badRequest");
        assertNovaError(nova.post("/servers", demo, body.formatted("m1.tiny", "00000000-0000-0000-0000-000000000000",
                networkId, "")), 400, "badRequest");
        assertNovaError(nova.post("/servers", demo, body.formatted("m1.tiny", imageId,
                "00000000-0000-0000-0000-000000000000", "")), 400, "badRequest");
        assertNovaError(nova.post("/servers", demo, body.formatted("m1.tiny", imageId, networkId,
                ", \"user_data\": \"not base64!\"")), 400, "badRequest");
        assertNovaError(nova.post("/servers", demo, body.formatted("m1.tiny", imageId, networkId,
                ", \"user_data\": \"" + "A".repeat(65536) + "\"")), 400, "badRequest");
        assertNovaError(nova.post("/servers", demo, body.formatted("m1.tiny", imageId, networkId,
                ", \"key_name\": \"no-such-key\"")), 400, "badRequest");
        assertThat(nova.get("/servers/detail?name=%5Ebad%24", demo).json().get("servers")).isEmpty();
        assertThat(neutron.get("/v2.0/ports?device_owner=compute:nova&network_id=" + networkId, demo).json()
                .get("ports").findValues("name")).allSatisfy(n -> assertThat(n.asString()).isNotEqualTo("bad"));
    }
}
