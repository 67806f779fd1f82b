package io.kumo.dashboard.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' public APIs with the user's token, at the addresses their token's catalog gives. A service
 * missing from the catalog or out of reach is a {@link CloudError} with status 0; one that refuses carries its
 * own message.
 */
public class CloudApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient rest;

    public CloudApi(RestClient rest) {
        this.rest = rest;
    }

    /** A server as the instances page lists it. */
    public record ServerRow(String id, String name, String status, String taskState, String addresses,
            String created) {

        /** Still changing: the page keeps polling while any row is. */
        public boolean changing() {
            return "BUILD".equals(status) || taskState != null;
        }
    }

    /** Instances, vCPUs and RAM of the project (Nova's absolute limits). */
    public List<Quota> computeQuotas(CloudSession session) {
        JsonNode a = get(session, "compute", "/limits").path("limits").path("absolute");
        return List.of(quota("Instances", a, "totalInstancesUsed", "maxTotalInstances", ""),
                quota("vCPUs", a, "totalCoresUsed", "maxTotalCores", ""),
                quota("RAM", a, "totalRAMUsed", "maxTotalRAMSize", "MiB"));
    }

    /** Volumes and gigabytes (Cinder's absolute limits). */
    public List<Quota> volumeQuotas(CloudSession session) {
        JsonNode a = get(session, "volumev3", "/limits").path("limits").path("absolute");
        return List.of(quota("Volumes", a, "totalVolumesUsed", "maxTotalVolumes", ""),
                quota("Volume storage", a, "totalGigabytesUsed", "maxTotalVolumeGigabytes", "GiB"));
    }

    /** Ports, networks and security groups (Neutron's quota details). */
    public List<Quota> networkQuotas(CloudSession session) {
        JsonNode q = get(session, "network", "/v2.0/quotas/" + session.project().id() + "/details").path("quota");
        List<Quota> quotas = new ArrayList<>();
        for (Map.Entry<String, String> item : Map.of("port", "Ports", "network", "Networks", "security_group",
                "Security groups").entrySet()) {
            JsonNode detail = q.path(item.getKey());
            if (!detail.isMissingNode()) {
                quotas.add(new Quota(item.getValue(), detail.path("used").asLong(), detail.path("limit").asLong(),
                        ""));
            }
        }
        quotas.sort(java.util.Comparator.comparing(Quota::name));
        return quotas;
    }

    /** The project's servers, newest first, as Nova lists them. */
    public List<ServerRow> servers(CloudSession session) {
        List<ServerRow> rows = new ArrayList<>();
        for (JsonNode s : get(session, "compute", "/servers/detail").path("servers")) {
            List<String> addresses = new ArrayList<>();
            s.path("addresses").properties().forEach(net -> net.getValue().forEach(a ->
                    addresses.add(net.getKey() + " " + a.path("addr").asString())));
            JsonNode task = s.path("OS-EXT-STS:task_state");
            rows.add(new ServerRow(s.path("id").asString(), s.path("name").asString(), s.path("status").asString(),
                    task.isNull() || task.isMissingNode() ? null : task.asString(), String.join(", ", addresses),
                    s.path("created").asString()));
        }
        return rows;
    }

    private JsonNode get(CloudSession session, String service, String path) {
        String base = session.endpoint(service);
        if (base == null) {
            throw new CloudError(0, "the catalog has no " + service + " service");
        }
        return call(service, () -> rest.get().uri(base + path).header("X-Auth-Token", session.token()).retrieve()
                .body(JsonNode.class));
    }

    private static JsonNode call(String service, Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            throw new CloudError(e.getStatusCode().value(), messageOf(e.getResponseBodyAsString(),
                    e.getStatusText()));
        } catch (RestClientException e) {
            throw new CloudError(0, service + " cannot be reached");
        }
    }

    private static Quota quota(String name, JsonNode absolute, String used, String limit, String unit) {
        return new Quota(name, absolute.path(used).asLong(), absolute.path(limit).asLong(-1), unit);
    }

    /**
     * The message of an OpenStack error body — Keystone's {@code {"error": {"message"}}}, Nova's and Cinder's
     * {@code {"badRequest": {"message"}}}, Neutron's {@code {"NeutronError": {"message"}}} — else the fallback.
     */
    static String messageOf(String body, String fallback) {
        try {
            JsonNode root = JSON.readTree(body);
            for (JsonNode error : root) {
                if (error.path("message").isString()) {
                    return error.path("message").asString();
                }
            }
        } catch (RuntimeException e) {
            // not JSON: the status text says what there is to say
        }
        return fallback;
    }
}
