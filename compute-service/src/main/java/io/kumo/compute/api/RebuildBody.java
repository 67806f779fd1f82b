package io.kumo.compute.api;

import io.kumo.common.error.ApiException;
import io.kumo.compute.application.ServerRebuilds;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code {"rebuild": {...}}} at 2.1, with Nova's schema messages. {@code imageRef} may be an
 * id or an image URL (its last segment is the id, as Nova takes it). Kumo's servers have no separate
 * ephemeral disk to keep, so {@code preserve_ephemeral: true} is refused rather than silently ignored.
 */
record RebuildBody(ServerRebuilds.RebuildRequest request, String adminPass) {

    private static final Set<String> FIELDS = Set.of("imageRef", "name", "adminPass", "metadata",
            "preserve_ephemeral", "OS-DCF:diskConfig");

    static RebuildBody parse(JsonNode r) {
        if (r == null || !r.isObject()) {
            throw NovaJson.invalid("rebuild", r, r + " is not of type 'object'");
        }
        for (String field : r.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw ApiException.badRequest("Invalid input for field/attribute rebuild. Additional properties are"
                        + " not allowed ('" + field + "' was unexpected)");
            }
        }
        String imageRef = NovaJson.text(r, "imageRef");
        if (imageRef == null || imageRef.isBlank()) {
            throw ApiException.badRequest("Invalid input for field/attribute rebuild. Value: " + r
                    + ". 'imageRef' is a required property");
        }
        imageRef = imageRef.substring(imageRef.lastIndexOf('/') + 1);
        String name = NovaJson.text(r, "name");
        if (name != null && (name.isBlank() || name.length() > 255)) {
            throw NovaJson.invalid("name", r.get("name"), "It must be 1 to 255 characters.");
        }
        Boolean preserveEphemeral = NovaJson.bool(r, "preserve_ephemeral");
        if (Boolean.TRUE.equals(preserveEphemeral)) {
            throw ApiException.badRequest("preserve_ephemeral is not supported: Kumo rebuilds a server's whole disk.");
        }
        String diskConfig = NovaJson.text(r, "OS-DCF:diskConfig");
        if (diskConfig != null && !diskConfig.equals("MANUAL") && !diskConfig.equals("AUTO")) {
            throw NovaJson.invalid("OS-DCF:diskConfig", r.get("OS-DCF:diskConfig"),
                    "'" + diskConfig + "' is not one of ['AUTO', 'MANUAL']");
        }
        Map<String, String> metadata = NovaJson.metadata(r, "metadata");
        return new RebuildBody(new ServerRebuilds.RebuildRequest(imageRef, name, metadata),
                NovaJson.text(r, "adminPass"));
    }
}
