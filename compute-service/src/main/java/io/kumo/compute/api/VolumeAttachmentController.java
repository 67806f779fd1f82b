package io.kumo.compute.api;

import io.kumo.common.audit.AuditTarget;
import io.kumo.common.auth.Caller;
import io.kumo.common.error.ApiException;
import io.kumo.compute.application.VolumeAttachments;
import io.kumo.compute.domain.VolumeAttachment;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /servers/{id}/os-volume_attachments} as Nova 2.1 answers it: an attach is 200 with the device chosen
 * (the volume is attaching until the host has it), a detach 202.
 */
@RestController
class VolumeAttachmentController {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private final VolumeAttachments attachments;

    VolumeAttachmentController(VolumeAttachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/v2.1/servers/{serverId}/os-volume_attachments")
    Map<String, Object> list(Caller caller, @PathVariable String serverId) {
        return Map.of("volumeAttachments", attachments.list(caller, serverId).stream()
                .map(VolumeAttachmentController::view).toList());
    }

    @GetMapping("/v2.1/servers/{serverId}/os-volume_attachments/{volumeId}")
    Map<String, Object> show(Caller caller, @PathVariable String serverId, @PathVariable String volumeId) {
        return Map.of("volumeAttachment", view(attachments.get(caller, serverId, volumeId)));
    }

    @PostMapping("/v2.1/servers/{serverId}/os-volume_attachments")
    Map<String, Object> attach(Caller caller, @PathVariable String serverId, @RequestBody(required = false)
            JsonNode body, HttpServletRequest http) {
        JsonNode request = NovaJson.resource(body, "volumeAttachment");
        String volumeId = NovaJson.text(request, "volumeId");
        if (volumeId == null || !UUID.matcher(volumeId).matches()) {
            throw NovaJson.invalid("volumeId", request.get("volumeId"), volumeId == null
                    ? "'volumeId' is a required property" : "'" + volumeId + "' is not a 'uuid'");
        }
        for (String field : request.propertyNames()) {
            if (!field.equals("volumeId") && !field.equals("device")) {
                throw ApiException.badRequest("Additional properties are not allowed ('" + field
                        + "' was unexpected)");
            }
        }
        String device = NovaJson.text(request, "device");
        AuditTarget.set(http, "volume", volumeId); // the audit log names the volume attached, not the server
        return Map.of("volumeAttachment", view(attachments.attach(caller, serverId, volumeId,
                device == null || device.isBlank() ? null : device)));
    }

    /** Swapping a volume for another (Nova's volume update) is not something Kumo's hosts do. */
    @PutMapping("/v2.1/servers/{serverId}/os-volume_attachments/{volumeId}")
    void swap(Caller caller, @PathVariable String serverId, @PathVariable String volumeId) {
        attachments.get(caller, serverId, volumeId);
        throw ApiException.conflict("Swapping the volume of an attachment is not supported; detach it and attach"
                + " the other one.");
    }

    @DeleteMapping("/v2.1/servers/{serverId}/os-volume_attachments/{volumeId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void detach(Caller caller, @PathVariable String serverId, @PathVariable String volumeId) {
        attachments.detach(caller, serverId, volumeId);
    }

    private static Map<String, Object> view(VolumeAttachment a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("device", a.device());
        v.put("id", a.volumeId());
        v.put("serverId", a.serverId());
        v.put("volumeId", a.volumeId());
        return v;
    }
}
