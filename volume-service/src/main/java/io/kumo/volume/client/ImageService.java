package io.kumo.volume.client;

import io.kumo.common.client.ResilientRestClient;
import io.kumo.common.error.ApiException;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;

/** image-service (Glance v2), asked with the user's token: an image the user cannot see does not exist. */
public class ImageService {

    private final ResilientRestClient glance;

    public ImageService(ResilientRestClient glance) {
        this.glance = glance;
    }

    /** What a volume made from an image needs to know of it (and shows as {@code volume_image_metadata}). */
    public record Image(String id, String name, String status, String diskFormat, String containerFormat,
            long sizeBytes, long virtualSizeBytes, int minDiskGb, String checksum) {

        /** The smallest volume the image fits in, in GiB. */
        public int neededGb() {
            long bytes = Math.max(sizeBytes, virtualSizeBytes);
            long gib = (bytes + (1L << 30) - 1) >> 30;
            return (int) Math.max(gib, minDiskGb);
        }
    }

    public Image get(String userToken, String id) {
        try {
            JsonNode i = glance.getAs(userToken, "/v2/images/" + id, JsonNode.class);
            return new Image(i.get("id").asString(), i.path("name").asString(null), i.path("status").asString(""),
                    i.path("disk_format").asString(null), i.path("container_format").asString(null),
                    i.path("size").asLong(0), i.path("virtual_size").asLong(0), i.path("min_disk").asInt(0),
                    i.path("checksum").asString(null));
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest e) {
            throw ApiException.notFound("Image " + id + " could not be found.");
        }
    }
}
