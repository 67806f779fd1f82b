package io.kumo.image.api;

import io.kumo.image.application.ImageMembers;
import io.kumo.image.domain.ImageSnapshot;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Images and members in Glance's JSON: flat, extra properties at the top level, second-precision UTC times. */
final class ImageView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private ImageView() {
    }

    static Map<String, Object> image(ImageSnapshot i) {
        Map<String, Object> v = new LinkedHashMap<>();
        // extra properties first, so that no property can shadow a base attribute
        v.putAll(i.properties());
        v.put("id", i.id());
        v.put("name", i.name());
        v.put("status", i.status().wire());
        v.put("visibility", i.visibility().wire());
        v.put("protected", i.attributes().protectedFromDeletion());
        v.put("os_hidden", i.attributes().osHidden());
        v.put("checksum", i.checksum());
        v.put("os_hash_algo", i.osHashAlgo());
        v.put("os_hash_value", i.osHashValue());
        v.put("owner", i.owner());
        v.put("size", i.size());
        v.put("virtual_size", i.virtualSize());
        v.put("min_ram", i.attributes().minRam());
        v.put("min_disk", i.attributes().minDisk());
        v.put("disk_format", i.attributes().diskFormat());
        v.put("container_format", i.attributes().containerFormat());
        v.put("created_at", time(i.createdAt()));
        v.put("updated_at", time(i.updatedAt()));
        v.put("tags", i.tags());
        v.put("self", "/v2/images/" + i.id());
        v.put("file", "/v2/images/" + i.id() + "/file");
        v.put("schema", "/v2/schemas/image");
        return v;
    }

    static Map<String, Object> member(ImageMembers.MemberView m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("created_at", time(m.createdAt()));
        v.put("image_id", m.imageId());
        v.put("member_id", m.memberId());
        v.put("schema", "/v2/schemas/member");
        v.put("status", m.status());
        v.put("updated_at", time(m.updatedAt()));
        return v;
    }

    static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
