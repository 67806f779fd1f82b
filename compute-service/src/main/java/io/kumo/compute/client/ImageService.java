package io.kumo.compute.client;

import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.error.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;

/** image-service (Glance v2), asked with the user's token: an image the user cannot see does not exist. */
public class ImageService {

    private static final Set<String> CORE = Set.of("id", "name", "status", "visibility", "protected", "checksum",
            "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "min_ram", "min_disk", "disk_format",
            "container_format", "created_at", "updated_at", "tags", "self", "file", "schema", "direct_url",
            "locations", "os_hidden");

    private final ResilientRestClient glance;

    public ImageService(ResilientRestClient glance) {
        this.glance = glance;
    }

    /** What a build needs of an image; {@code properties} are its extra properties (hypervisor_type, ...). */
    public record Image(String id, String name, String status, String diskFormat, String containerFormat, long size,
            String checksum, int minRamMb, int minDiskGb, Map<String, String> properties) {
    }

    public Image get(String userToken, String id) {
        try {
            JsonNode i = glance.getAs(userToken, "/v2/images/" + id, JsonNode.class);
            Map<String, String> properties = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : i.properties()) {
                if (!CORE.contains(e.getKey()) && e.getValue().isString()) {
                    properties.put(e.getKey(), e.getValue().asString());
                }
            }
            return new Image(i.get("id").asString(), i.path("name").asString(""), i.get("status").asString(),
                    i.path("disk_format").asString(null), i.path("container_format").asString(null),
                    i.path("size").asLong(0), i.path("checksum").asString(null), i.path("min_ram").asInt(0),
                    i.path("min_disk").asInt(0), properties);
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest e) {
            throw ApiException.badRequest("Image " + id + " could not be found.");
        }
    }
}
