package io.kumo.compute.client;

import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.contract.host.VolumeAttachmentCommand.VolumeConnection;
import io.kumo.common.error.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * volume-service (Cinder v3), for attaching volumes as Nova does: the volume is read and reserved with the
 * user's token (their project's volume, or a 404, and Cinder's 400 when its status does not allow it); the
 * connection, the attach and the detach that finish what the host did are made with compute's service token.
 */
public class VolumeService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ResilientRestClient cinder;

    public VolumeService(ResilientRestClient cinder) {
        this.cinder = cinder;
    }

    /**
     * A volume as an attach needs it.
     *
     * @param attachedTo the servers it is attached to
     */
    public record Volume(String id, String name, String status, int sizeGb, Map<String, String> metadata,
            List<String> attachedTo) {
    }

    /** The volume as the user sees it: 404 when it is not theirs to see. */
    public Volume volume(String userToken, String projectId, String id) {
        try {
            return volume(cinder.getAs(userToken, path(projectId, id), JsonNode.class).get("volume"));
        } catch (HttpClientErrorException.NotFound e) {
            throw ApiException.notFound("Volume " + id + " could not be found.");
        }
    }

    /** {@code os-reserve} with the user's token: Cinder's 400 (its status) or 404 becomes Nova's. */
    public void reserve(String userToken, String projectId, String id) {
        try {
            cinder.postAs(userToken, action(projectId, id), Map.of("os-reserve", Map.of()), JsonNode.class);
        } catch (HttpClientErrorException e) {
            throw asNovaError(e, id);
        }
    }

    /** {@code os-begin_detaching} with the user's token. */
    public void beginDetaching(String userToken, String projectId, String id) {
        try {
            cinder.postAs(userToken, action(projectId, id), Map.of("os-begin_detaching", Map.of()), JsonNode.class);
        } catch (HttpClientErrorException e) {
            throw asNovaError(e, id);
        }
    }

    /** {@code os-initialize_connection} for the host that will attach it: Cinder's connection_info, as hosts get it. */
    public VolumeConnection initializeConnection(String projectId, String id, String host) {
        try {
            JsonNode info = cinder.post(action(projectId, id), Map.of("os-initialize_connection",
                    Map.of("connector", Map.of("host", host))), JsonNode.class).get("connection_info");
            JsonNode data = info.path("data");
            return new VolumeConnection(info.path("driver_volume_type").asString(),
                    data.path("device_path").asString(null), data.path("format").asString("raw"),
                    data.path("host").asString(null));
        } catch (HttpClientErrorException e) {
            throw asNovaError(e, id);
        }
    }

    /** {@code os-unreserve}: the attach will not happen. */
    public void unreserve(String projectId, String id) {
        quietlyIfGone(() -> cinder.post(action(projectId, id), Map.of("os-unreserve", Map.of()), JsonNode.class));
    }

    /** {@code os-roll_detaching}: the detach did not happen; the volume is in use again. */
    public void rollDetaching(String projectId, String id) {
        quietlyIfGone(() -> cinder.post(action(projectId, id), Map.of("os-roll_detaching", Map.of()),
                JsonNode.class));
    }

    /** {@code os-attach}: the server's guest has the volume at {@code device} (the same attach again is done). */
    public void attach(String projectId, String id, String serverId, String device) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("instance_uuid", serverId);
        args.put("mountpoint", device);
        args.put("mode", "rw");
        cinder.post(action(projectId, id), Map.of("os-attach", args), JsonNode.class);
    }

    /**
     * {@code os-terminate_connection} and {@code os-detach} of the server's attachment: the volume is free. A
     * volume not attached to the server any more (this was done before) or deleted is fine.
     */
    public void detach(String projectId, String id, String serverId) {
        JsonNode volume;
        try {
            volume = cinder.get(path(projectId, id), JsonNode.class).get("volume");
        } catch (HttpClientErrorException.NotFound e) {
            return;
        }
        for (JsonNode attachment : volume.path("attachments")) {
            if (serverId.equals(attachment.path("server_id").asString(null))) {
                cinder.post(action(projectId, id), Map.of("os-terminate_connection", Map.of("connector", Map.of())),
                        JsonNode.class);
                cinder.post(action(projectId, id), Map.of("os-detach", Map.of("attachment_id",
                        attachment.path("attachment_id").asString())), JsonNode.class);
            }
        }
    }

    private static Volume volume(JsonNode v) {
        Map<String, String> metadata = new LinkedHashMap<>();
        v.path("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asString("")));
        List<String> attachedTo = new ArrayList<>();
        v.path("attachments").forEach(a -> attachedTo.add(a.path("server_id").asString("")));
        return new Volume(v.get("id").asString(), v.path("name").asString(null), v.path("status").asString(),
                v.path("size").asInt(), metadata, attachedTo);
    }

    /** Cinder's 4xx in Nova's shape: its message kept, a 404 Nova's "Volume … could not be found." */
    private static ApiException asNovaError(HttpClientErrorException e, String id) {
        if (e.getStatusCode().value() == 404) {
            return ApiException.notFound("Volume " + id + " could not be found.");
        }
        String message = "Invalid volume: volume " + id + " cannot be used now.";
        try {
            JsonNode body = JSON.readTree(e.getResponseBodyAsString());
            for (JsonNode error : body) {
                if (error.has("message")) {
                    message = error.get("message").asString();
                }
            }
        } catch (RuntimeException unreadable) {
            // keep the generic message
        }
        return e.getStatusCode().value() == 409 ? ApiException.conflict(message) : ApiException.badRequest(message);
    }

    private static void quietlyIfGone(Runnable call) {
        try {
            call.run();
        } catch (HttpClientErrorException.NotFound e) {
            // the volume was deleted meanwhile: nothing left to give back
        }
    }

    private static String path(String projectId, String id) {
        return "/v3/" + projectId + "/volumes/" + id;
    }

    private static String action(String projectId, String id) {
        return path(projectId, id) + "/action";
    }
}
