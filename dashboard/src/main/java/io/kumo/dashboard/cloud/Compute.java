package io.kumo.dashboard.cloud;

import static io.kumo.dashboard.cloud.CloudCalls.given;
import static io.kumo.dashboard.cloud.CloudCalls.segment;
import static io.kumo.dashboard.cloud.CloudCalls.text;
import static io.kumo.dashboard.cloud.CloudCalls.typed;
import static io.kumo.dashboard.cloud.CloudCalls.typedNumber;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** compute-service (Nova v2.1) as a project member uses it: servers, their actions, history and console. */
public class Compute {

    private static final String SERVICE = "compute";
    private static final int CONSOLE_LINES = 200;

    private final CloudCalls calls;

    public Compute(CloudCalls calls) {
        this.calls = calls;
    }

    /** Instances, vCPUs and RAM of the project (Nova's absolute limits). */
    public List<Quota> quotas(CloudSession session) {
        JsonNode a = calls.get(session, SERVICE, "/limits").path("limits").path("absolute");
        return List.of(Quota.of("Instances", a, "totalInstancesUsed", "maxTotalInstances", ""),
                Quota.of("vCPUs", a, "totalCoresUsed", "maxTotalCores", ""),
                Quota.of("RAM", a, "totalRAMUsed", "maxTotalRAMSize", "MiB"));
    }

    /** The project's servers, newest first, as Nova lists them; every project's for an admin who asks. */
    public List<ServerRow> servers(CloudSession session, boolean allProjects) {
        List<ServerRow> rows = new ArrayList<>();
        JsonNode body = calls.get(session, SERVICE, "/servers/detail" + (allProjects ? "?all_tenants=1" : ""));
        for (JsonNode s : body.path("servers")) {
            rows.add(new ServerRow(text(s, "id"), text(s, "name"), text(s, "status"),
                    text(s, "OS-EXT-STS:task_state"), String.join(", ", addresses(s)), text(s, "created"),
                    text(s, "tenant_id")));
        }
        return rows;
    }

    /** One server of the project; another project's is a 404, as Nova answers. */
    public ServerDetail server(CloudSession session, String id) {
        JsonNode s = calls.get(session, SERVICE, server(id)).path("server");
        List<String> volumes = new ArrayList<>();
        s.path("os-extended-volumes:volumes_attached").forEach(v -> volumes.add(text(v, "id")));
        JsonNode fault = s.path("fault");
        JsonNode image = s.path("image");
        return new ServerDetail(text(s, "id"), text(s, "name"), text(s, "status"), text(s, "OS-EXT-STS:task_state"),
                powerState(s.path("OS-EXT-STS:power_state").asInt(0)), addresses(s), text(s.path("flavor"), "id"),
                image.isObject() ? text(image, "id") : null, text(s, "key_name"), text(s, "created"),
                text(s, "updated"), text(s, "OS-EXT-SRV-ATTR:host"), text(fault, "message"), text(fault, "details"),
                volumes);
    }

    /** Asks Nova to boot the server(s); the new server's id (the first one's, for a count above one). */
    public String launch(CloudSession session, ServerLaunch launch) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("name", typed(launch.name()));
        server.put("imageRef", typed(launch.imageId()));
        server.put("flavorRef", typed(launch.flavorId()));
        if (given(launch.networkId())) {
            server.put("networks", List.of(Map.of("uuid", launch.networkId())));
        }
        if (given(launch.keyName())) {
            server.put("key_name", launch.keyName());
        }
        if (given(launch.userData())) {
            server.put("user_data", Base64.getEncoder().encodeToString(launch.userData().getBytes(
                    StandardCharsets.UTF_8)));
        }
        if (given(launch.count())) {
            Object count = typedNumber(launch.count());
            server.put("min_count", count);
            server.put("max_count", count);
        }
        return text(calls.post(session, SERVICE, "/servers", Map.of("server", server)).path("server"), "id");
    }

    /** A server action without a body: {@code os-start}, {@code os-stop}. */
    public void act(CloudSession session, String id, String action) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(action, null);
        calls.post(session, SERVICE, server(id) + "/action", body);
    }

    public void reboot(CloudSession session, String id, boolean hard) {
        calls.post(session, SERVICE, server(id) + "/action", Map.of("reboot", Map.of("type", hard ? "HARD"
                : "SOFT")));
    }

    /** Rebuilds the server from the image (the page passes the server's own to reinstall it). */
    public void rebuild(CloudSession session, String id, String imageId) {
        calls.post(session, SERVICE, server(id) + "/action", Map.of("rebuild", Map.of("imageRef", imageId)));
    }

    public void delete(CloudSession session, String id) {
        calls.delete(session, SERVICE, server(id));
    }

    /** The last lines of the server's console. */
    public String consoleLog(CloudSession session, String id) {
        return text(calls.post(session, SERVICE, server(id) + "/action", Map.of("os-getConsoleOutput",
                Map.of("length", CONSOLE_LINES))), "output");
    }

    /** The server's history, newest first. */
    public List<InstanceAction> actions(CloudSession session, String id) {
        List<InstanceAction> actions = new ArrayList<>();
        calls.get(session, SERVICE, server(id) + "/os-instance-actions").path("instanceActions").forEach(a ->
                actions.add(new InstanceAction(text(a, "action"), text(a, "request_id"), text(a, "user_id"),
                        text(a, "start_time"), text(a, "message"))));
        return actions;
    }

    public void attachVolume(CloudSession session, String serverId, String volumeId) {
        calls.post(session, SERVICE, server(serverId) + "/os-volume_attachments", Map.of("volumeAttachment",
                Map.of("volumeId", typed(volumeId))));
    }

    public void detachVolume(CloudSession session, String serverId, String volumeId) {
        calls.delete(session, SERVICE, server(serverId) + "/os-volume_attachments/" + segment(volumeId));
    }

    /** The flavors the project may use, smallest first as Nova lists them. */
    public List<Choice> flavors(CloudSession session) {
        List<Choice> flavors = new ArrayList<>();
        calls.get(session, SERVICE, "/flavors/detail").path("flavors").forEach(f -> flavors.add(new Choice(
                text(f, "id"), text(f, "name") + " (" + f.path("vcpus").asInt() + " vCPU, " + f.path("ram").asInt()
                + " MiB RAM, " + f.path("disk").asInt() + " GB disk)")));
        return flavors;
    }

    private static String server(String id) {
        return "/servers/" + segment(id);
    }

    private static List<String> addresses(JsonNode server) {
        List<String> addresses = new ArrayList<>();
        server.path("addresses").properties().forEach(net -> net.getValue().forEach(a ->
                addresses.add(net.getKey() + " " + a.path("addr").asString())));
        return addresses;
    }

    private static String powerState(int state) {
        return switch (state) {
            case 1 -> "Running";
            case 3 -> "Paused";
            case 4 -> "Shut down";
            case 6 -> "Crashed";
            case 7 -> "Suspended";
            default -> "No state";
        };
    }
}
