package io.kumo.compute;

import static io.kumo.compute.NovaShape.Type.ARRAY;
import static io.kumo.compute.NovaShape.Type.INTEGER;
import static io.kumo.compute.NovaShape.Type.NULL;
import static io.kumo.compute.NovaShape.Type.NUMBER;
import static io.kumo.compute.NovaShape.Type.OBJECT;
import static io.kumo.compute.NovaShape.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.test.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Compute quotas from unified limits: shown, counted, enforced — also against a burst of creates. */
class QuotasIT extends ServerCloudIT {

    static final List<String> QUOTAS = List.of("instances", "cores", "ram", "floating_ips", "fixed_ips",
            "metadata_items", "key_pairs", "security_groups", "security_group_rules", "server_groups",
            "server_group_members", "injected_files", "injected_file_content_bytes", "injected_file_path_bytes");

    /** Tempest's v2_1 quotas.get_quota_set: every quota an integer, and the project's id. */
    static final NovaShape QUOTA_SET = quotaSet(INTEGER);
    /** Tempest's quota_set detail: each quota {in_use, limit, reserved}. */
    static final NovaShape QUOTA_SET_DETAIL = quotaSet(OBJECT);
    static final NovaShape USAGE = NovaShape.of("quota usage").required("in_use", INTEGER).required("limit", INTEGER)
            .required("reserved", INTEGER);
    static final NovaShape ABSOLUTE_LIMITS = absoluteLimits();
    /** Tempest's v2_1 tenant_usages. */
    static final NovaShape TENANT_USAGE = NovaShape.of("tenant usage").required("start", STRING)
            .required("stop", STRING).required("tenant_id", STRING).required("total_hours", NUMBER)
            .required("total_local_gb_usage", NUMBER).required("total_memory_mb_usage", NUMBER)
            .required("total_vcpus_usage", NUMBER).optional("server_usages", ARRAY);
    static final NovaShape SERVER_USAGE = NovaShape.of("server usage").required("ended_at", STRING, NULL)
            .required("flavor", STRING).required("hours", NUMBER).required("instance_id", STRING)
            .required("local_gb", INTEGER).required("memory_mb", INTEGER).required("name", STRING)
            .required("started_at", STRING).required("state", STRING).required("tenant_id", STRING)
            .required("uptime", INTEGER).required("vcpus", INTEGER);

    @Test
    void quotaSetsShowTheUnifiedLimitsAndTheProjectsCountedUsage() {
        String member = IDENTITY.newProjectMember(unique("quota"));
        String project = IDENTITY.projectId(member);
        IDENTITY.setLimit(project, "compute", "servers", 3);

        JsonNode set = nova.get("/os-quota-sets/" + project, member).json().get("quota_set");
        QUOTA_SET.check(set);
        assertThat(set.get("id").asString()).isEqualTo(project);
        assertThat(set.get("instances").asInt()).as("the project's own limit").isEqualTo(3);
        assertThat(set.get("cores").asInt()).as("the registered default").isEqualTo(20);
        assertThat(set.get("security_groups").asInt()).as("network-service's quota").isEqualTo(-1);
        JsonNode defaults = nova.get("/os-quota-sets/" + project + "/defaults", member).json().get("quota_set");
        QUOTA_SET.check(defaults);
        assertThat(defaults.get("instances").asInt()).isEqualTo(10);

        String server = boot(member, unique("counted"), networkOf(member, "10.45.0"), "").json().get("server")
                .get("id").asString();
        JsonNode detail = nova.get("/os-quota-sets/" + project + "/detail", member).json().get("quota_set");
        QUOTA_SET_DETAIL.check(detail);
        QUOTAS.forEach(q -> USAGE.check(detail.get(q)));
        assertThat(detail.get("instances").get("in_use").asInt()).isEqualTo(1);
        assertThat(detail.get("cores").get("in_use").asInt()).isEqualTo(1);
        assertThat(detail.get("ram").get("in_use").asInt()).isEqualTo(512);

        JsonNode limits = nova.get("/limits", member).json().get("limits");
        ABSOLUTE_LIMITS.check(limits.get("absolute"));
        assertThat(limits.get("rate").isArray()).isTrue();
        assertThat(limits.get("absolute").get("maxTotalInstances").asInt()).isEqualTo(3);
        assertThat(limits.get("absolute").get("totalInstancesUsed").asInt()).isEqualTo(1);

        assertNovaError(nova.get("/os-quota-sets/" + project, demoToken()), 403, "forbidden");
        assertNovaError(nova.put("/os-quota-sets/" + project, member, "{\"quota_set\": {\"instances\": 50}}"), 403,
                "forbidden");
        assertNovaError(nova.put("/os-quota-sets/" + project, adminToken(), "{\"quota_set\": {\"instances\": 50}}"),
                400, "badRequest");
        delete(member, List.of(server));
    }

    @Test
    void overQuotaIs403AndABurstOfCreatesNeverOverrunsIt() throws Exception {
        String member = IDENTITY.newProjectMember(unique("burst"));
        String project = IDENTITY.projectId(member);
        IDENTITY.setLimit(project, "compute", "servers", 3);
        String network = networkOf(member, "10.46.0");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<ApiClient.Response>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = unique("burst-" + i);
            burst.add(CompletableFuture.supplyAsync(() -> boot(member, name, network, ""), pool));
        }
        List<ApiClient.Response> answers = burst.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        List<String> created = answers.stream().filter(r -> r.status() == 202)
                .map(r -> r.json().get("server").get("id").asString()).toList();
        assertThat(created).as("exactly the quota is created").hasSize(3);
        answers.stream().filter(r -> r.status() != 202).forEach(r -> {
            assertNovaError(r, 403, "forbidden");
            assertThat(r.json().get("forbidden").get("message").asString()).startsWith("Quota exceeded for instances");
        });
        assertThat(nova.get("/servers", member).json().get("servers")).hasSize(3);
        assertThat(neutron.get("/v2.0/ports?network_id=" + network, member).json().get("ports"))
                .as("refused creates leave no ports").hasSize(3);

        ApiClient.Response more = boot(member, unique("more"), network, ", \"min_count\": 2, \"max_count\": 4");
        assertNovaError(more, 403, "forbidden");
        assertThat(more.json().get("forbidden").get("message").asString())
                .isEqualTo("Quota exceeded for instances: Requested 2, but already used 3 of 3 instances");
        delete(member, created);
        ApiClient.Response fits = boot(member, unique("fits"), network, ", \"min_count\": 2, \"max_count\": 5");
        assertThat(fits.status()).as(fits.text()).isEqualTo(202);
        assertThat(nova.get("/servers", member).json().get("servers")).as("max_count trimmed to what fits")
                .hasSize(3);
        delete(member, nova.get("/servers", member).json().get("servers").findValues("id").stream()
                .map(JsonNode::asString).toList());
    }

    @Test
    void simpleTenantUsageCountsTheHoursServersRanAndKeepsDeletedOnes() {
        String member = IDENTITY.newProjectMember(unique("usage"));
        String project = IDENTITY.projectId(member);
        String start = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1).withNano(0).toString();
        String end = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusHours(1).withNano(0).toString();
        String id = boot(member, unique("metered"), networkOf(member, "10.48.0"), "").json().get("server").get("id")
                .asString();
        awaitStatus(id, "ACTIVE", member);
        delete(member, List.of(id));

        String period = "?start=" + start + "&end=" + end;
        JsonNode usage = nova.get("/os-simple-tenant-usage/" + project + period, member).json().get("tenant_usage");
        TENANT_USAGE.check(usage);
        assertThat(usage.get("tenant_id").asString()).isEqualTo(project);
        JsonNode server = usage.get("server_usages").get(0);
        SERVER_USAGE.check(server);
        assertThat(server.get("instance_id").asString()).isEqualTo(id);
        assertThat(server.get("state").asString()).isEqualTo("terminated");
        assertThat(server.get("ended_at").isNull()).isFalse();
        assertThat(server.get("hours").asDouble()).isPositive().isLessThan(0.1);
        assertThat(usage.get("total_memory_mb_usage").asDouble())
                .isCloseTo(512 * server.get("hours").asDouble(), org.assertj.core.data.Offset.offset(1e-6));

        JsonNode all = nova.get("/os-simple-tenant-usage" + period + "&detailed=1", adminToken()).json()
                .get("tenant_usages");
        assertThat(all.findValues("tenant_id")).extracting(JsonNode::asString).contains(project);
        all.forEach(TENANT_USAGE::check);
        assertNovaError(nova.get("/os-simple-tenant-usage" + period, member), 403, "forbidden");
        assertNovaError(nova.get("/os-simple-tenant-usage/" + project + "?start=" + end + "&end=" + start, member),
                400, "badRequest");
        assertThat(nova.get("/os-simple-tenant-usage/" + IDENTITY.projectId(demoToken()) + period, adminToken())
                .status()).isEqualTo(200);
    }

    private static void delete(String token, List<String> servers) {
        servers.forEach(id -> assertThat(nova.delete("/servers/" + id, token).status()).isIn(204, 404));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> servers.stream()
                .allMatch(id -> nova.get("/servers/" + id, token).status() == 404));
    }

    private static NovaShape quotaSet(NovaShape.Type type) {
        NovaShape shape = NovaShape.of("quota_set").required("id", STRING);
        for (String quota : QUOTAS) {
            shape = shape.required(quota, type);
        }
        return shape;
    }

    private static NovaShape absoluteLimits() {
        NovaShape shape = NovaShape.of("absolute limits");
        for (String name : List.of("maxImageMeta", "maxPersonality", "maxPersonalitySize", "maxSecurityGroupRules",
                "maxSecurityGroups", "maxServerMeta", "maxTotalCores", "maxTotalFloatingIps", "maxTotalInstances",
                "maxTotalKeypairs", "maxTotalRAMSize", "maxServerGroups", "maxServerGroupMembers", "totalCoresUsed",
                "totalInstancesUsed", "totalRAMUsed", "totalSecurityGroupsUsed", "totalFloatingIpsUsed",
                "totalServerGroupsUsed")) {
            shape = shape.required(name, INTEGER);
        }
        return shape;
    }
}
