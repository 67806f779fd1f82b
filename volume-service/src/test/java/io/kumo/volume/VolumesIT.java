package io.kumo.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Volumes through the Cinder API, kept as files by a real agent's file backend. */
class VolumesIT extends VolumeIT {

    @Test
    void discoveryAdvertisesCinder30AndRefusesNewerMicroversions() {
        ApiClient root = new ApiClient("http://127.0.0.1:" + PORT);
        ApiClient.Response versions = root.get("/", null);
        assertThat(versions.status()).isEqualTo(300);
        JsonNode v3 = versions.json().get("versions").get(0);
        assertThat(v3.get("id").asString()).isEqualTo("v3.0");
        assertThat(v3.get("version").asString()).isEqualTo("3.0");
        assertThat(v3.get("links").findValuesAsString("href")).contains("http://127.0.0.1:" + PORT + "/v3/");
        assertThat(root.get("/v3/", null).status()).isEqualTo(200);

        String token = demoToken();
        ApiClient.Response listed = cinder(token).get("/volumes", token);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("OpenStack-API-Version")).isEqualTo("volume 3.0");
        ApiClient.Response newer = cinder(token).send("GET", "/volumes", token, null, null,
                new String[] {"OpenStack-API-Version", "volume 3.44"});
        assertThat(newer.status()).isEqualTo(406);
    }

    @Test
    void aVolumeIsMadeExtendedAttachedDetachedAndDeletedOnItsStorageHost() throws Exception {
        String token = newProjectMember(unique("life"));
        ApiClient api = cinder(token);
        ApiClient.Response created = api.post("/volumes", token, """
                {"volume": {"size": 1, "name": "data1", "description": null, "volume_type": null,
                 "availability_zone": null, "metadata": {"purpose": "it"}, "imageRef": null, "snapshot_id": null,
                 "source_volid": null, "consistencygroup_id": null, "backup_id": null}}""");
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        JsonNode volume = created.json().get("volume");
        assertThat(volume.get("status").asString()).isEqualTo("creating");
        assertThat(volume.get("bootable").asString()).isEqualTo("false");
        assertThat(volume.get("volume_type").asString()).isEqualTo("__DEFAULT__");
        assertThat(volume.has("os-vol-tenant-attr:tenant_id")).as("not in create responses").isFalse();
        String id = volume.get("id").asString();

        JsonNode available = awaitStatus(api, token, id, "available");
        assertThat(available.get("os-vol-tenant-attr:tenant_id").asString()).isEqualTo(IDENTITY.projectId(token));
        assertThat(available.get("metadata").get("purpose").asString()).isEqualTo("it");
        Path file = VOLUMES.resolve("volume-" + id);
        assertThat(Files.size(file)).as("a 1 GiB file").isEqualTo(1L << 30);

        assertThat(api.post("/volumes/" + id + "/action", token, "{\"os-extend\": {\"new_size\": 2}}").status())
                .isEqualTo(202);
        awaitStatus(api, token, id, "available");
        assertThat(show(api, token, id).get("size").asInt()).isEqualTo(2);
        assertThat(Files.size(file)).isEqualTo(2L << 30);

        String server = "11111111-2222-3333-4444-555555555555";
        assertThat(api.post("/volumes/" + id + "/action", token, "{\"os-reserve\": {}}").status()).isEqualTo(202);
        assertThat(show(api, token, id).get("status").asString()).isEqualTo("attaching");
        assertThat(api.post("/volumes/" + id + "/action", token, """
                {"os-attach": {"instance_uuid": "%s", "mountpoint": "/dev/vdb", "mode": "rw"}}""".formatted(server))
                .status()).isEqualTo(202);
        JsonNode inUse = show(api, token, id);
        assertThat(inUse.get("status").asString()).isEqualTo("in-use");
        assertThat(inUse.get("attachments").get(0).get("server_id").asString()).isEqualTo(server);
        assertThat(inUse.get("attachments").get(0).get("device").asString()).isEqualTo("/dev/vdb");
        ApiClient.Response deleteInUse = api.delete("/volumes/" + id, token);
        assertThat(deleteInUse.status()).isEqualTo(400);
        assertThat(deleteInUse.json().get("badRequest").get("message").asString()).contains("Invalid volume");
        assertThat(api.post("/volumes/" + id + "/action", token, "{\"os-reserve\": {}}").status())
                .as("attach twice").isEqualTo(400);

        assertThat(api.post("/volumes/" + id + "/action", token, "{\"os-begin_detaching\": {}}").status())
                .isEqualTo(202);
        assertThat(api.post("/volumes/" + id + "/action", token, "{\"os-detach\": {}}").status()).isEqualTo(202);
        assertThat(show(api, token, id).get("status").asString()).isEqualTo("available");

        assertThat(api.delete("/volumes/" + id, token).status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/volumes/" + id, token).status() == 404);
        assertThat(file).doesNotExist();

        String admin = adminToken();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(keystone.get(
                "/v3/audit-events?service=volume&target_id=" + id, admin).json().get("audit_events")
                .findValuesAsString("action")).as("who made, extended, attached and deleted it").contains(
                        "POST /v3/{projectId}/volumes", "POST /v3/{projectId}/volumes/{id}/action",
                        "DELETE /v3/{projectId}/volumes/{id}"));
    }

    @Test
    void aVolumeMadeFromASnapshotHasTheSnapshotsBytesAndAClonesItsSourcesBytes() throws Exception {
        String token = newProjectMember(unique("snap"));
        ApiClient api = cinder(token);
        String source = createAvailable(api, token, "source", 1);
        write(VOLUMES.resolve("volume-" + source), "before the snapshot");

        ApiClient.Response snap = api.post("/snapshots", token, """
                {"snapshot": {"volume_id": "%s", "force": false, "name": "snap1", "description": null,
                 "metadata": {}}}""".formatted(source));
        assertThat(snap.status()).as(snap.text()).isEqualTo(202);
        String snapshot = snap.json().get("snapshot").get("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "available".equals(api.get("/snapshots/"
                + snapshot, token).json().get("snapshot").get("status").asString()));
        JsonNode shown = api.get("/snapshots/" + snapshot, token).json().get("snapshot");
        assertThat(shown.get("os-extended-snapshot-attributes:progress").asString()).isEqualTo("100%");
        assertThat(shown.get("size").asInt()).isEqualTo(1);
        write(VOLUMES.resolve("volume-" + source), "after the snapshot!");

        ApiClient.Response fromSnapshot = api.post("/volumes", token, """
                {"volume": {"snapshot_id": "%s", "name": "copy"}}""".formatted(snapshot));
        assertThat(fromSnapshot.status()).as(fromSnapshot.text()).isEqualTo(202);
        String copy = fromSnapshot.json().get("volume").get("id").asString();
        assertThat(awaitStatus(api, token, copy, "available").get("snapshot_id").asString()).isEqualTo(snapshot);
        assertThat(read(VOLUMES.resolve("volume-" + copy), 19)).isEqualTo("before the snapshot");

        ApiClient.Response clone = api.post("/volumes", token, """
                {"volume": {"source_volid": "%s", "size": 2}}""".formatted(source));
        assertThat(clone.status()).as(clone.text()).isEqualTo(202);
        String cloned = clone.json().get("volume").get("id").asString();
        awaitStatus(api, token, cloned, "available");
        assertThat(read(VOLUMES.resolve("volume-" + cloned), 19)).isEqualTo("after the snapshot!");
        assertThat(Files.size(VOLUMES.resolve("volume-" + cloned))).isEqualTo(2L << 30);

        ApiClient.Response withSnapshots = api.delete("/volumes/" + source, token);
        assertThat(withSnapshots.status()).isEqualTo(400);
        assertThat(api.delete("/volumes/" + source + "?cascade=true", token).status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/volumes/" + source, token).status()
                == 404 && api.get("/snapshots/" + snapshot, token).status() == 404);
        assertThat(VOLUMES.resolve("snapshot-" + snapshot)).doesNotExist();
        assertThat(api.delete("/volumes/" + copy, token).status()).isEqualTo(202);
        assertThat(api.delete("/volumes/" + cloned, token).status()).isEqualTo(202);
    }

    @Test
    void badRequestsAreRefusedInCindersShapeAndCreateNothing() {
        String token = newProjectMember(unique("bad"));
        ApiClient api = cinder(token);
        for (String size : new String[] {"0", "-1", "\"abc\"", "\"\"", "1.5"}) {
            ApiClient.Response r = api.post("/volumes", token, "{\"volume\": {\"size\": " + size + "}}");
            assertThat(r.status()).as("size " + size + ": " + r.text()).isEqualTo(400);
            assertThat(r.json().get("badRequest").get("code").asInt()).isEqualTo(400);
        }
        assertThat(api.post("/volumes", token, "{\"volume\": {}}").status()).as("no size").isEqualTo(400);
        assertThat(api.post("/volumes", token, "not json").status()).isEqualTo(400);
        assertThat(api.post("/volumes", token, "{\"size\": 1}").status()).as("not wrapped").isEqualTo(400);
        ApiClient.Response unknownType = api.post("/volumes", token,
                "{\"volume\": {\"size\": 1, \"volume_type\": \"gold\"}}");
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(unknownType.json().get("itemNotFound").get("message").asString()).contains("gold");
        assertThat(api.post("/volumes", token, "{\"volume\": {\"snapshot_id\": \"" + java.util.UUID.randomUUID()
                + "\"}}").status()).isEqualTo(404);
        assertThat(api.post("/volumes", token, "{\"volume\": {\"size\": 1, \"snapshot_id\": \"nope\"}}").status())
                .isEqualTo(400);
        assertThat(api.get("/volumes/detail", token).json().get("volumes")).as("nothing was created").isEmpty();

        String mine = createAvailable(api, token, "mine", 1);
        String other = newProjectMember(unique("other"));
        ApiClient theirs = cinder(other);
        assertThat(theirs.get("/volumes/" + mine, other).status()).isEqualTo(404);
        assertThat(theirs.delete("/volumes/" + mine, other).status()).isEqualTo(404);
        assertThat(theirs.post("/volumes/" + mine + "/action", other, "{\"os-extend\": {\"new_size\": 5}}").status())
                .isEqualTo(404);
        assertThat(theirs.post("/snapshots", other, "{\"snapshot\": {\"volume_id\": \"" + mine + "\"}}").status())
                .isEqualTo(404);
        assertThat(api.get("/volumes/detail", other).status()).as("another project's URL").isEqualTo(400);

        assertThat(api.post("/volumes/" + mine + "/action", token, "{\"os-frobnicate\": {}}").status())
                .isEqualTo(400);
        assertThat(api.post("/volumes/" + mine + "/action", token, "{\"os-extend\": {\"new_size\": 1}}").status())
                .as("not bigger").isEqualTo(400);
        assertThat(show(api, token, mine).get("status").asString()).isEqualTo("available");
        assertThat(api.delete("/volumes/" + mine, token).status()).isEqualTo(202);
    }

    @Test
    void quotasComeFromUnifiedLimitsAndAnOverQuotaCreateIs413() {
        String token = newProjectMember(unique("quota"));
        String project = IDENTITY.projectId(token);
        IDENTITY.setLimit(project, "block-storage", "volumes", 1);
        IDENTITY.setLimit(project, "block-storage", "gigabytes", 3);
        ApiClient api = cinder(token);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/os-quota-sets/" + project, token)
                .json().get("quota_set").get("volumes").asInt() == 1);

        ApiClient.Response tooBig = api.post("/volumes", token, "{\"volume\": {\"size\": 4}}");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("overLimit").get("message").asString()).contains("gigabytes");
        String first = createAvailable(api, token, "one", 1);
        ApiClient.Response second = api.post("/volumes", token, "{\"volume\": {\"size\": 1}}");
        assertThat(second.status()).isEqualTo(413);
        assertThat(second.json().get("overLimit").get("message").asString()).contains("VolumeLimitExceeded");

        JsonNode usage = api.get("/os-quota-sets/" + project + "?usage=True", token).json().get("quota_set");
        assertThat(usage.get("volumes").get("in_use").asInt()).isEqualTo(1);
        assertThat(usage.get("gigabytes").get("in_use").asInt()).isEqualTo(1);
        assertThat(usage.get("id").asString()).isEqualTo(project);
        JsonNode plain = api.get("/os-quota-sets/" + project + "?usage=False", token).json().get("quota_set");
        assertThat(plain.get("gigabytes").asInt()).isEqualTo(3);
        assertThat(plain.get("backups").asInt()).isEqualTo(-1);
        assertThat(plain.has("volumes___DEFAULT__")).isTrue();
        JsonNode absolute = api.get("/limits", token).json().get("limits").get("absolute");
        assertThat(absolute.get("maxTotalVolumes").asInt()).isEqualTo(1);
        assertThat(absolute.get("totalVolumesUsed").asInt()).isEqualTo(1);
        assertThat(absolute.size()).isEqualTo(10);
        assertThat(api.get("/os-quota-sets/" + IDENTITY.projectId(demoToken()), token).status()).isEqualTo(403);
        assertThat(api.delete("/volumes/" + first, token).status()).isEqualTo(202);
    }

    @Test
    void anOperatorForceDeletesAVolumeStuckInATransitionalStatus() {
        String token = newProjectMember(unique("stuck"));
        ApiClient api = cinder(token);
        String id = createAvailable(api, token, "stuck", 1);
        String admin = adminToken();
        ApiClient adminApi = cinder(admin);
        assertThat(api.post("/volumes/" + id + "/action", token, "{\"os-reset_status\": {\"status\": \"creating\"}}")
                .status()).as("admins only").isEqualTo(403);
        assertThat(adminApi.post("/volumes/" + id + "/action", admin,
                "{\"os-reset_status\": {\"status\": \"creating\"}}").status()).isEqualTo(202);
        assertThat(api.delete("/volumes/" + id, token).status()).as("not deletable while creating").isEqualTo(400);
        assertThat(api.post("/volumes/" + id + "/action", token, "{\"os-force_delete\": {}}").status())
                .isEqualTo(403);
        assertThat(adminApi.post("/volumes/" + id + "/action", admin, "{\"os-force_delete\": {}}").status())
                .isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/volumes/" + id, token).status() == 404);
        assertThat(VOLUMES.resolve("volume-" + id)).doesNotExist();
    }

    @Test
    void aBurstOfCreatesCannotOverrunTheQuota() throws Exception {
        String token = newProjectMember(unique("burst"));
        String project = IDENTITY.projectId(token);
        IDENTITY.setLimit(project, "block-storage", "volumes", 3);
        ApiClient api = cinder(token);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/os-quota-sets/" + project, token)
                .json().get("quota_set").get("volumes").asInt() == 3);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(clients.submit(() -> api.post("/volumes", token, "{\"volume\": {\"size\": 1}}").status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        clients.shutdown();
        assertThat(statuses).filteredOn(s -> s == 202).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 413).hasSize(5);
        JsonNode volumes = api.get("/volumes/detail", token).json().get("volumes");
        assertThat(volumes).hasSize(3);
        for (String id : volumes.findValuesAsString("id")) {
            awaitStatus(api, token, id, "available");
            assertThat(api.delete("/volumes/" + id, token).status()).isEqualTo(202);
        }
    }

    @Test
    void typesAreAnAdminsAndChooseTheBackendAVolumeNoPoolCanTakeIsAnError() {
        String admin = adminToken();
        ApiClient adminApi = cinder(admin);
        String member = newProjectMember(unique("types"));
        ApiClient api = cinder(member);
        assertThat(api.post("/types", member, "{\"volume_type\": {\"name\": \"x\"}}").status()).isEqualTo(403);

        String onFiles = unique("files");
        ApiClient.Response made = adminApi.post("/types", admin, """
                {"volume_type": {"name": "%s", "description": null, "os-volume-type-access:is_public": true,
                 "extra_specs": {"volume_backend_name": "%s"}}}""".formatted(onFiles, BACKEND));
        assertThat(made.status()).as(made.text()).isEqualTo(200);
        assertThat(made.json().get("volume_type").has("qos_specs_id")).isFalse();
        String nowhere = unique("nowhere");
        String nowhereId = adminApi.post("/types", admin, """
                {"volume_type": {"name": "%s", "extra_specs": {"volume_backend_name": "no-such-backend"}}}"""
                .formatted(nowhere)).json().get("volume_type").get("id").asString();
        assertThat(adminApi.post("/types", admin, "{\"volume_type\": {\"name\": \"" + nowhere + "\"}}").status())
                .as("duplicate name").isEqualTo(409);
        JsonNode listed = api.get("/types", member).json().get("volume_types");
        assertThat(listed.findValuesAsString("name")).contains(onFiles, nowhere, "__DEFAULT__");
        assertThat(listed.findValues("extra_specs")).allSatisfy(specs -> assertThat(specs.has("volume_backend_name"))
                .as("the backend is the operator's business").isFalse());

        String placed = createAvailableOfType(api, member, onFiles);
        ApiClient.Response stranded = api.post("/volumes", member, """
                {"volume": {"size": 1, "volume_type": "%s"}}""".formatted(nowhere));
        assertThat(stranded.status()).isEqualTo(202);
        String strandedId = stranded.json().get("volume").get("id").asString();
        assertThat(show(api, member, strandedId).get("status").asString()).isEqualTo("error");
        assertThat(adminApi.delete("/types/" + nowhereId, admin).status()).as("in use").isEqualTo(400);
        assertThat(api.delete("/volumes/" + strandedId, member).status()).isEqualTo(202);
        assertThat(api.get("/volumes/" + strandedId, member).status()).as("never on a host: gone at once")
                .isEqualTo(404);
        assertThat(adminApi.delete("/types/" + nowhereId, admin).status()).isEqualTo(202);
        JsonNode detail = cinder(admin).get("/volumes/" + placed, admin).json().get("volume");
        assertThat(detail.get("os-vol-host-attr:host").asString()).isEqualTo(STORAGE_HOST + "@" + BACKEND + "#"
                + BACKEND);
        JsonNode pool = adminApi.get("/scheduler-stats/get_pools?detail=true", admin).json().get("pools").get(0);
        assertThat(pool.get("capabilities").get("total_capacity_gb").asLong()).isPositive();
        assertThat(pool.get("capabilities").get("allocated_capacity_gb").asLong()).isPositive();
        assertThat(api.get("/scheduler-stats/get_pools", member).status()).as("admins only").isEqualTo(403);
        assertThat(api.delete("/volumes/" + placed, member).status()).isEqualTo(202);
    }

    @Test
    void listsPageNewestFirstOrSortedAndFilterByNameStatusAndMetadata() {
        String token = newProjectMember(unique("list"));
        ApiClient api = cinder(token);
        String a = createAvailable(api, token, "alpha", 1);
        String b = createAvailable(api, token, "beta", 1);
        String c = createAvailable(api, token, "gamma", 1);
        JsonNode page = api.get("/volumes/detail?limit=2", token).json();
        assertThat(page.get("volumes").findValuesAsString("id")).containsExactly(c, b);
        String next = page.get("volumes_links").get(0).get("href").asString();
        assertThat(next).contains("marker=" + b);
        JsonNode rest = api.get(next.substring(next.indexOf("/volumes")), token).json();
        assertThat(rest.get("volumes").findValuesAsString("id")).containsExactly(a);
        assertThat(api.get("/volumes?name=beta", token).json().get("volumes").findValuesAsString("id"))
                .containsExactly(b);
        assertThat(api.get("/volumes/detail?status=error", token).json().get("volumes")).isEmpty();
        assertThat(api.get("/volumes?sort=name:asc", token).json().get("volumes").findValuesAsString("id"))
                .containsExactly(a, b, c);
        JsonNode byName = api.get("/volumes?sort_key=name&sort_dir=asc&limit=2", token).json();
        assertThat(byName.get("volumes").findValuesAsString("id")).containsExactly(a, b);
        String nextByName = byName.get("volumes_links").get(0).get("href").asString();
        assertThat(api.get(nextByName.substring(nextByName.indexOf("/volumes")), token).json().get("volumes")
                .findValuesAsString("id")).as("the marker in the name order").containsExactly(c);
        assertThat(api.get("/volumes?sort=created_at:asc,id:asc", token).json().get("volumes")
                .findValuesAsString("id")).containsExactly(a, b, c);
        assertThat(api.put("/volumes/" + b + "/metadata", token, "{\"metadata\": {\"tier\": \"gold\"}}").status())
                .isEqualTo(200);
        assertThat(api.get("/volumes?metadata=%7B%22tier%22%3A%20%22gold%22%7D", token).json().get("volumes")
                .findValuesAsString("id")).as("metadata={\"tier\": \"gold\"}").containsExactly(b);
        assertThat(api.get("/volumes?metadata=%7B%27tier%27%3A%20%27silver%27%7D", token).json().get("volumes"))
                .as("metadata={'tier': 'silver'}").isEmpty();
        assertThat(api.get("/volumes?sort=colour", token).status()).isEqualTo(400);
        assertThat(api.get("/volumes?sort=,", token).status()).isEqualTo(400);
        assertThat(api.get("/volumes?sort=:", token).status()).isEqualTo(400);
        assertThat(api.get("/volumes?sort=name:sideways", token).status()).isEqualTo(400);
        assertThat(api.get("/volumes?metadata=tier", token).status()).isEqualTo(400);
        JsonNode summary = api.get("/volumes", token).json().get("volumes").get(0);
        assertThat(summary.propertyNames()).containsExactlyInAnyOrder("id", "name", "links");
        for (String id : new String[] {a, b, c}) {
            assertThat(api.delete("/volumes/" + id, token).status()).isEqualTo(202);
        }
    }

    static String createAvailable(ApiClient api, String token, String name, int size) {
        ApiClient.Response r = api.post("/volumes", token, "{\"volume\": {\"size\": " + size + ", \"name\": \"" + name
                + "\"}}");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        String id = r.json().get("volume").get("id").asString();
        awaitStatus(api, token, id, "available");
        return id;
    }

    private static String createAvailableOfType(ApiClient api, String token, String type) {
        ApiClient.Response r = api.post("/volumes", token, "{\"volume\": {\"size\": 1, \"volume_type\": \"" + type
                + "\"}}");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        String id = r.json().get("volume").get("id").asString();
        assertThat(awaitStatus(api, token, id, "available").get("volume_type").asString()).isEqualTo(type);
        return id;
    }

    static JsonNode awaitStatus(ApiClient api, String token, String id, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> show(api, token, id), v -> {
                    String now = v.get("status").asString();
                    assertThat(now).as("volume " + id + ": " + v.path("status")).isIn(status, "creating",
                            "extending", "deleting", "attaching");
                    return now.equals(status);
                });
    }

    private static void write(Path file, String text) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String read(Path file, int length) throws Exception {
        byte[] bytes = new byte[length];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.readFully(bytes);
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
