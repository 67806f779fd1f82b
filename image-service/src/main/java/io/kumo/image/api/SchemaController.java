package io.kumo.image.api;

import io.kumo.image.domain.ContainerFormat;
import io.kumo.image.domain.DiskFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Glance's JSON schemas ({@code /v2/schemas/*}) for the objects this service returns, and
 * {@code /v2/info/import} saying no interoperable-import method is offered (clients then upload directly).
 */
@RestController
class SchemaController {

    private static final String UUID_PATTERN =
            "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$";

    @GetMapping("/v2/schemas/image")
    Map<String, Object> image() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("name", "image");
        schema.put("properties", imageProperties());
        schema.put("additionalProperties", Map.of("type", "string"));
        schema.put("links", List.of(link("self", "{self}"), link("enclosure", "{file}"), link("describedby", "{schema}")));
        return schema;
    }

    @GetMapping("/v2/schemas/images")
    Map<String, Object> images() {
        Map<String, Object> item = image();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("images", Map.of("type", "array", "items", item));
        properties.put("first", Map.of("type", "string"));
        properties.put("next", Map.of("type", "string"));
        properties.put("schema", Map.of("type", "string"));
        return Map.of("name", "images", "properties", properties, "links", List.of(link("first", "{first}"),
                link("next", "{next}"), link("describedby", "{schema}")));
    }

    @GetMapping("/v2/schemas/member")
    Map<String, Object> member() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("created_at", Map.of("type", "string", "description", "Date and time of image member creation"));
        properties.put("image_id", Map.of("type", "string", "pattern", UUID_PATTERN,
                "description", "An identifier for the image"));
        properties.put("member_id", Map.of("type", "string", "description", "An identifier for the image member (tenantId)"));
        properties.put("schema", Map.of("type", "string", "readOnly", true));
        properties.put("status", Map.of("type", "string", "enum", List.of("pending", "accepted", "rejected"),
                "description", "The status of this image member"));
        properties.put("updated_at", Map.of("type", "string", "description", "Date and time of last modification of image member"));
        return Map.of("name", "member", "properties", properties);
    }

    @GetMapping("/v2/schemas/members")
    Map<String, Object> members() {
        return Map.of("name", "members", "properties", Map.of("members", Map.of("type", "array", "items", member()),
                "schema", Map.of("type", "string")), "links", List.of(link("describedby", "{schema}")));
    }

    @GetMapping("/v2/info/import")
    Map<String, Object> importMethods() {
        return Map.of("import-methods", Map.of("description", "Import methods available.", "type", "array",
                "value", List.of()));
    }

    private static Map<String, Object> imageProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", Map.of("type", "string", "pattern", UUID_PATTERN, "description", "An identifier for the image"));
        p.put("name", Map.of("type", List.of("null", "string"), "maxLength", 255,
                "description", "Descriptive name for the image"));
        p.put("status", readOnly(Map.of("type", "string", "enum", List.of("queued", "saving", "active", "killed",
                "deleted", "uploading", "importing", "pending_delete", "deactivated"),
                "description", "Status of the image")));
        p.put("visibility", Map.of("type", "string", "enum", List.of("community", "public", "private", "shared"),
                "description", "Scope of image accessibility"));
        p.put("protected", Map.of("type", "boolean", "description", "If true, image will not be deletable."));
        p.put("os_hidden", Map.of("type", "boolean", "description", "If true, image will not appear in default image list response."));
        p.put("checksum", readOnly(Map.of("type", List.of("null", "string"), "maxLength", 32,
                "description", "md5 hash of image contents.")));
        p.put("os_hash_algo", readOnly(Map.of("type", List.of("null", "string"), "maxLength", 64,
                "description", "Algorithm to calculate the os_hash_value")));
        p.put("os_hash_value", readOnly(Map.of("type", List.of("null", "string"), "maxLength", 128,
                "description", "Hexdigest of the image contents using the algorithm specified by the os_hash_algo")));
        p.put("owner", Map.of("type", List.of("null", "string"), "maxLength", 255, "description", "Owner of the image"));
        p.put("size", readOnly(Map.of("type", List.of("null", "integer"), "description", "Size of image file in bytes")));
        p.put("virtual_size", readOnly(Map.of("type", List.of("null", "integer"), "description", "Virtual size of image in bytes")));
        p.put("container_format", Map.of("type", List.of("null", "string"), "enum", withNull(ContainerFormat.ALL),
                "description", "Format of the container"));
        p.put("disk_format", Map.of("type", List.of("null", "string"), "enum", withNull(DiskFormat.ALL),
                "description", "Format of the disk"));
        p.put("created_at", readOnly(Map.of("type", "string", "description", "Date and time of image registration")));
        p.put("updated_at", readOnly(Map.of("type", "string", "description", "Date and time of the last image modification")));
        p.put("tags", Map.of("type", "array", "items", Map.of("type", "string", "maxLength", 255),
                "description", "List of strings related to the image"));
        p.put("self", readOnly(Map.of("type", "string", "description", "An image self url")));
        p.put("file", readOnly(Map.of("type", "string", "description", "An image file url")));
        p.put("schema", readOnly(Map.of("type", "string", "description", "An image schema url")));
        p.put("min_ram", Map.of("type", "integer", "description", "Amount of ram (in MB) required to boot image."));
        p.put("min_disk", Map.of("type", "integer", "description", "Amount of disk space (in GB) required to boot image."));
        for (String extra : List.of("kernel_id", "ramdisk_id")) {
            p.put(extra, Map.of("type", List.of("null", "string"), "pattern", UUID_PATTERN, "is_base", false,
                    "description", "ID of image stored in Glance that should be used as the "
                            + (extra.equals("kernel_id") ? "kernel" : "ramdisk") + " when booting an AMI-style image."));
        }
        for (String extra : List.of("architecture", "os_distro", "os_version", "instance_uuid", "description")) {
            p.put(extra, Map.of("type", "string", "is_base", false, "description", extra.replace('_', ' ')));
        }
        return p;
    }

    private static Map<String, Object> readOnly(Map<String, Object> property) {
        Map<String, Object> copy = new LinkedHashMap<>(property);
        copy.put("readOnly", true);
        return copy;
    }

    private static List<Object> withNull(List<String> values) {
        List<Object> all = new ArrayList<>();
        all.add(null);
        all.addAll(values);
        return all;
    }

    private static Map<String, Object> link(String rel, String href) {
        return Map.of("rel", rel, "href", href);
    }
}
